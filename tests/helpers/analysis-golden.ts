import { analyzeFixture, fixtureProgram, typeErrors, type PluginOptions } from './analysis-program.js';
import { expectGoldenJson } from './golden-json.js';

/** One analysis golden test: a fixture project in memory, its `{ model, issues }` in tests/golden/analysis/<group>/<name>.json. */
export interface AnalysisCase {
  name: string;
  /** paths relative to the project directory (`src/actions.ts`); `rootDir` is `src` */
  sources: Record<string, string>;
  plugin?: PluginOptions;
  /** the fixture uses FormData, Blob or File */
  dom?: boolean;
  /** TypeScript's own errors that the fixture has on purpose; by default it has none */
  typeErrors?: RegExp[];
}

export function expectAnalysisGolden(group: string, { name, sources, plugin, dom, typeErrors: expected = [] }: AnalysisCase): void {
  const fixture = fixtureProgram(`analysis-${group}-${name}`, sources, { dom });
  expect(typeErrors(fixture)).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
  expectGoldenJson(`analysis/${group}/${name}`, analyzeFixture(fixture, plugin));
}
