import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFixture, fixtureProgram, typeErrors } from '../helpers/analysis-program.js';
import { expectGoldenJson } from '../helpers/golden-json.js';
import { repoRoot } from '../helpers/paths.js';

/** The type-family fixture that tspc compiles and the HTTP tests call: here its analysis alone, one family at a time. */
const fixtureSrc = join(repoRoot, 'tests', 'fixtures', 'types', 'src');
const libraries = Object.fromEntries(readdirSync(join(fixtureSrc, 'lib')).map((name) => [`src/lib/${name}`, readFileSync(join(fixtureSrc, 'lib', name), 'utf8')]));
const families = readdirSync(join(fixtureSrc, 'families'))
  .filter((name) => name.endsWith('.ts'))
  .sort()
  .map((name) => name.replace(/\.ts$/, ''));

/** What DESIGN.md names beside the fixture's families: the platform's binary and form types. */
const platform = `'use server';
export interface Upload {
  bytes: Uint8Array;
  blob: Blob;
  file: File;
}
export async function upload(value: Upload): Promise<Uint8Array> {
  return value.bytes;
}
export async function submit(form: FormData): Promise<void> {}
export async function maybeSubmit(form?: FormData): Promise<string | undefined> {
  return form ? 'yes' : undefined;
}
`;

describe('analysis of every type family (golden files under tests/golden/analysis/families; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(families)('%s', (family) => {
    const fixture = fixtureProgram(`analysis-${family}`, { [`src/families/${family}.ts`]: readFileSync(join(fixtureSrc, 'families', `${family}.ts`), 'utf8'), ...libraries });
    expect(typeErrors(fixture)).toEqual([]);
    expectGoldenJson(`analysis/families/${family}`, analyzeFixture(fixture));
  });

  it('platform (Uint8Array, Blob, File, FormData)', () => {
    const fixture = fixtureProgram('analysis-platform', { 'src/families/platform.ts': platform }, { dom: true });
    expect(typeErrors(fixture)).toEqual([]);
    expectGoldenJson('analysis/families/platform', analyzeFixture(fixture));
  });
});
