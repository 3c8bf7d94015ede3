import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tspc, writeProject } from '../helpers/project.js';

const badModule = `'use server';

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

export type Allowed = { a: string };
export interface AlsoAllowed { b: number }
`;

describe('transformer diagnostics', () => {
  const dir = writeProject('diagnostics', { 'src/actions.ts': badModule }, { noEmitOnError: true });
  const result = tspc(dir);

  it('fails the build', () => {
    expect(result.status).not.toBe(0);
  });

  it('reports every violation in one run, each with file:line:col', () => {
    const lines = result.output.split('\n').filter((line) => line.includes('actionwire/'));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/src\/actions\.ts\(7,17\): error TS93001: \[actionwire\/not-async\] Server action 'notAsync' must be an async function/),
        expect.stringMatching(/src\/actions\.ts\(11,14\): error TS93002: \[actionwire\/not-a-function\] 'limit' is exported/),
        expect.stringMatching(/src\/actions\.ts\(13,14\): error TS93001: \[actionwire\/not-async\] Server action 'arrowNotAsync'/),
        expect.stringMatching(/src\/actions\.ts\(15,37\): error TS93003: \[actionwire\/unsupported-type\] takesFunction\(callback\) has type '\(\) => void'/),
        expect.stringMatching(/src\/actions\.ts\(19,40\): error TS93003: \[actionwire\/unsupported-type\] returnsSymbol return type \.id has type 'symbol'/),
      ]),
    );
    expect(lines).toHaveLength(5);
  });

  it('allows type-only exports', () => {
    expect(result.output).not.toMatch(/Allowed/);
  });

  it('honours noEmitOnError', () => {
    expect(existsSync(join(dir, 'dist', 'actions.js'))).toBe(false);
  });
});

describe('directive rules', () => {
  const dir = writeProject('directives', {
    'src/late.ts': `export const x = 1;\n'use server';\nexport async function f() {}\n`,
    'src/typo.ts': `'use sever';\nexport async function g(): Promise<number> { return 1; }\n`,
    'src/inline.ts': `export function outer() {\n  async function inner() {\n    'use server';\n  }\n  return inner;\n}\nexport function sync() {\n  function notAsync() {\n    'use server';\n  }\n  return notAsync;\n}\n`,
    'src/prologue.ts': `// a comment first is fine\n'use strict';\n'use server';\nexport async function h(): Promise<number> { return 1; }\n`,
  });
  const result = tspc(dir);

  it('warns about a misplaced directive, naming where', () => {
    expect(result.output).toMatch(/src\/late\.ts\(2,1\): warning TS93004: \[actionwire\/misplaced-directive\]/);
  });

  it('suggests the right spelling', () => {
    expect(result.output).toMatch(/src\/typo\.ts\(1,1\): warning TS93005: \[actionwire\/misspelled-directive\] Unknown directive 'use sever'\. Did you mean 'use server'\?/);
  });

  it('reads an inline directive in an ordinary module as an inline action, and requires it to be async', () => {
    expect(result.output).not.toMatch(/src\/inline\.ts\(2,/);
    expect(result.output).toMatch(/src\/inline\.ts\(8,12\): error TS93001: \[actionwire\/not-async\] Inline action sync\.notAsync must be an async function/);
  });

  it('accepts the directive anywhere in the prologue, after comments', () => {
    expect(result.output).not.toMatch(/prologue\.ts/);
    const openapi = JSON.parse(readFileSync(join(dir, 'src/generated/openapi.json'), 'utf8'));
    expect(Object.keys(openapi.paths)).toEqual(['/actions/inline/outer.inner', '/actions/prologue/h']);
  });
});
