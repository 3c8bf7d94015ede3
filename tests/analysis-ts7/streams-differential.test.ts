import { join } from 'node:path';
import { analyzeOnTypeScript6, analyzeOnTypeScript7 } from '../helpers/both-analyses.js';
import { writeProject } from '../helpers/project.js';
import { streamsModule } from '../e2e/streaming-project.js';

/** Streaming actions (async generators, AsyncIterable, ReadableStream) and a generator taking values from next(), on both compilers. */
describe('streaming actions on TypeScript 6 and on TypeScript 7', () => {
  const tsconfig = join(
    writeProject('analysis-ts7-streams', {
      'src/streams.ts': streamsModule,
      'src/bad.ts': `'use server';\nexport async function* ask(): AsyncGenerator<number, void, string> {\n  yield 1;\n}\nexport async function* iterate(): AsyncIterableIterator<{ at: Date }> {\n  yield { at: new Date() };\n}\n`,
    }),
    'tsconfig.json',
  );

  it('gives the same stream shapes, issues and generated files', async () => {
    const six = analyzeOnTypeScript6(tsconfig);
    const seven = await analyzeOnTypeScript7(tsconfig);
    const streaming = six.model.actions.filter((action) => action.stream !== undefined).map((action) => action.exportName);
    expect(streaming).toEqual(['iterate', 'count', 'endless', 'quiet', 'failing', 'leaky', 'letters', 'days', 'menu']);
    expect(six.issues.map((issue) => issue.code)).toEqual(['actionwire/unsupported-stream']);
    expect(seven.issues).toEqual(six.issues);
    expect(seven.model).toEqual(six.model);
    for (const [name, text] of six.files) expect({ name, text: seven.files.get(name) }).toEqual({ name, text });
  });
});
