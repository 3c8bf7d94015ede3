import ts from 'typescript';
import { AnalysisReuse } from '../../transformer/program/analysis-reuse.js';
import { analyzeProgram } from '../../transformer/analysis/analyze.js';
import { typeFingerprint } from '../../transformer/analysis/type-fingerprint.js';
import { fixtureProgram } from '../helpers/analysis-program.js';

const entry = { transform: 'actionwire/transformer', transformProgram: true };

const actions = `'use server';
import type { User } from './types.js';
export async function find(id: number): Promise<User> {
  return { id, name: 'n' };
}
`;
const types = `export interface User { id: number; name: string }
export function helper(): string {
  return 'a';
}
export function inferred() {
  return 1;
}
`;

/** The previous analysis of version 1, asked about version 2 of the project. */
function reusedFor(changes: Record<string, string>, base: Record<string, string> = { 'src/actions.ts': actions, 'src/types.ts': types }): boolean {
  const reuse = new AnalysisReuse(ts);
  const first = fixtureProgram('reuse', base);
  reuse.remember('p', 'settings', first.program, analyzeProgram(ts, first.program, entry), new Map());
  const second = fixtureProgram('reuse', { ...base, ...changes });
  return reuse.reusable('p', 'settings', second.program) !== undefined;
}

describe('watch rebuilds keep the analysis only when no action can have changed', () => {
  it.each([
    ['nothing changed', {}, true],
    ["a body of a function whose return type is declared (in a file that says nothing of 'use server')", { 'src/types.ts': types.replace("return 'a';", "return 'b' + 'c';") }, true],
    ['a comment (JSDoc describes schemas)', { 'src/types.ts': `/** A user. */\n${types}` }, false],
    ['a type the actions use', { 'src/types.ts': types.replace('name: string', 'name: string; email?: string') }, false],
    ['the body of a function with an inferred return type', { 'src/types.ts': types.replace('return 1;', "return 'one';") }, false],
    ["the body of an action with a declared return type", { 'src/actions.ts': actions.replace("name: 'n'", "name: 'm'") }, true],
    ['an inline action added in a typed body', { 'src/types.ts': types.replace("return 'a';", "const save = async (): Promise<void> => {\n    'use server';\n  };\n  void save;\n  return 'a';") }, false],
    ['a string statement (maybe a misspelled directive) in a typed body', { 'src/types.ts': types.replace("return 'a';", "'use sever';\n  return 'a';") }, false],
    ['a new file', { 'src/more.ts': 'export const x = 1;\n' }, false],
    ['a new declaration file (it may add members to an interface an action uses)', { 'src/more.d.ts': 'interface Window { extra: string }\n' }, false],
  ])('%s → reused: %s', (_what, changes, reused) => {
    expect(reusedFor(changes)).toBe(reused);
  });

  it('never keeps an analysis whose issues are in a changed file (their positions would move)', () => {
    const warned = `${types}\nexport function later(): void {\n  'use sever';\n}\n`;
    expect(reusedFor({ 'src/types.ts': `${warned}\n` }, { 'src/actions.ts': actions, 'src/types.ts': warned })).toBe(false);
  });

  it('never keeps an analysis across any edit of a file with inline actions (they are hoisted by position)', () => {
    const page = `export async function page(id: string): Promise<() => Promise<string>> {\n  const label = (): string => {\n    return 'x';\n  };\n  async function save(): Promise<string> {\n    'use server';\n    return id;\n  }\n  void label;\n  return save;\n}\n`;
    const base = { 'src/actions.ts': actions, 'src/types.ts': types, 'src/page.ts': page };
    expect(reusedFor({ 'src/page.ts': page.replace("return 'x';", "return 'longer text';") }, base)).toBe(false);
    expect(reusedFor({ 'src/types.ts': types.replace("return 'a';", "return 'b';") }, base)).toBe(true);
  });

  it('never keeps it across other settings', () => {
    const reuse = new AnalysisReuse(ts);
    const { program } = fixtureProgram('reuse', { 'src/actions.ts': actions, 'src/types.ts': types });
    reuse.remember('p', 'settings', program, analyzeProgram(ts, program, entry), new Map());
    expect(reuse.reusable('p', 'other settings', program)).toBeUndefined();
    expect(reuse.reusable('other project', 'settings', program)).toBeUndefined();
  });
});

describe('type fingerprints', () => {
  const fingerprint = (text: string): string => typeFingerprint(ts, ts.createSourceFile('/f.ts', text, ts.ScriptTarget.ES2022, true));

  it('leave out typed bodies, keep the rest', () => {
    expect(fingerprint('export function f(): number {\n  return 1;\n}\nconst g = (): string => { return "x"; };\n')).toBe('export function f(): number {}\nconst g = (): string => {};\n');
    expect(fingerprint('export function f() {\n  return 1;\n}\n')).toBe('export function f() {\n  return 1;\n}\n');
  });

  it('keep what the declared-errors analysis reads in a typed body: calls, news, throws, aliases', () => {
    const body = (statements: string): string => fingerprint(`export async function f(): Promise<number> {\n${statements}\n}\n`);
    const base = body('const user = await requireUser();\nreturn user.age + 1;');
    expect(body('const user = await requireUser();\nreturn user.age + 2;')).toBe(base);
    expect(body('const user = await requireAdmin();\nreturn user.age + 1;')).not.toBe(base);
    expect(body('const user = await requireUser();\nif (!user) throw new ActionError(409, "taken", { code: "taken" });\nreturn user.age + 1;')).not.toBe(base);
    expect(body('const user = await requireUser();\nmayThrow<ActionError<503>>();\nreturn user.age + 1;')).not.toBe(base);
    expect(body('const user = await requireUser();\nthrow failure;')).not.toBe(base);
    const aliased = body('const check = requireUser;\nawait check();\nreturn 1;');
    expect(body('const check = requireAdmin;\nawait check();\nreturn 1;')).not.toBe(aliased);
  });
});
