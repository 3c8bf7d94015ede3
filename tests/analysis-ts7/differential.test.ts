import { join } from 'node:path';
import { analyzeOnTypeScript6, analyzeOnTypeScript7 } from '../helpers/both-analyses.js';
import { writeProject } from '../helpers/project.js';
import { repoRoot } from '../helpers/paths.js';

/** The two analyses (TypeScript 6's compiler API, TypeScript 7's checker API) on the same project give the same files. */
describe.each([
  ['the type-family fixture', join(repoRoot, 'tests', 'fixtures', 'types', 'tsconfig.json'), 23],
  ['the sample (React, TSX, inline actions)', join(repoRoot, 'sample', 'tsconfig.json'), 9],
])('%s on TypeScript 6 and on TypeScript 7', (_name, tsconfig, atLeast) => {
  it('gives the same model, issues and generated files, byte for byte', async () => {
    const six = analyzeOnTypeScript6(tsconfig);
    const seven = await analyzeOnTypeScript7(tsconfig);
    expect(six.model.actions.length).toBeGreaterThanOrEqual(atLeast);
    expect(seven.model).toEqual(six.model);
    expect(seven.issues).toEqual(six.issues);
    expect([...seven.files.keys()]).toEqual([...six.files.keys()]);
    for (const [name, text] of six.files) expect({ name, text: seven.files.get(name) }).toEqual({ name, text });
  });
});

/** Every kind of problem the analysis of a file-level module reports (the transformer's diagnostics fixtures), on one project. */
const problems = {
  'src/actions.ts': `'use server';

export async function ok(name: string): Promise<string> {
  return name;
}
export function notAsync(): string {
  return 'x';
}
export const limit = 10;
export const arrowNotAsync = () => 1;
export async function takesFunction(callback: () => void): Promise<void> {
  callback();
}
export async function returnsSymbol(): Promise<{ id: symbol }> {
  return { id: Symbol('x') };
}
export async function loose(value: any, ...rest: string[]): Promise<bigint | Map<string, Date>> {
  return BigInt(rest.length + Number(value));
}
export async function destructured({ a }: { a: string }): Promise<void> {}
export async function recursive(): Promise<{ self: { next?: ReturnType<typeof JSON.parse> }; items: Array<[string, number?]> }> {
  return { self: {}, items: [] };
}
export async function overloaded(a: string): Promise<string>;
export async function overloaded(a: number): Promise<number>;
export async function overloaded(a: string | number): Promise<string | number> {
  return a;
}
export async function generic<T>(value: T): Promise<T> {
  return value;
}
export type Allowed = { a: string };
`,
  'src/directives.ts': `'use sever';
export async function misspelled(): Promise<void> {
  'use server';
  const later = 1;
  'use server';
  void later;
}
`,
  'src/forms.ts': `'use server';
type FormFields<T> = FormData & { readonly '~fields'?: T };
export async function upload(form: FormFields<{ title: string; colour?: 'red' | 'green' | 'blue'; tags: string[]; photo?: File; photos: readonly Blob[] }>): Promise<void> {}
export async function badFields(form: FormFields<{ count: number; nested: { a: string }; either: string | File; $bound: string }>): Promise<void> {}
`,
  'src/inline.ts': `export async function page(id: string) {
  async function save(title: string): Promise<void> {
    'use server';
    console.log(id, title);
  }
  return { save };
}
`,
};

describe('diagnostics on TypeScript 6 and on TypeScript 7', () => {
  const tsconfig = join(writeProject('analysis-ts7-problems', problems), 'tsconfig.json');
  const needsTransformer = "TypeScript 7 (no transformer API) cannot run: build with TypeScript 6 and tspc";

  it('are the same problems at the same file:line:col, errors and warnings alike', async () => {
    const six = analyzeOnTypeScript6(tsconfig, needsTransformer);
    const seven = await analyzeOnTypeScript7(tsconfig, needsTransformer);
    expect(six.issues.filter((issue) => issue.severity === 'error').length).toBeGreaterThanOrEqual(8);
    expect(six.issues.some((issue) => issue.severity === 'warning')).toBe(true);
    expect(six.issues.some((issue) => issue.code === 'actionwire/needs-transformer')).toBe(true);
    // One known difference: TypeScript 6's getAwaitedType makes Promise<T> of a type parameter 'Awaited<T>' (reported as
    // a type with no JSON form); TypeScript 7's API has no getAwaitedType, and the view's unwrapping leaves 'T', reported
    // as the uninstantiated type parameter it is. Same place, same code, a clearer message.
    const generic = (issue: { message: string }): boolean => issue.message.startsWith('generic return type');
    expect(six.issues.filter(generic).map((issue) => issue.message)).toEqual([expect.stringContaining("has type 'Awaited<T>'")]);
    expect(seven.issues.filter(generic).map((issue) => issue.message)).toEqual([expect.stringContaining("has type 'T', which cannot cross the wire: a type parameter must be instantiated")]);
    const located = (issue: { file: string; line: number; column: number; code: string; severity: string; message: string }) => (generic(issue) ? { ...issue, message: '' } : issue);
    expect(seven.issues.map(located)).toEqual(six.issues.map(located));
    expect(seven.model).toEqual(six.model);
  });
});
