import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { join } from 'node:path';
import { readModuleSyntax } from '../../bundler/module-syntax.js';
import { clientStubText } from '../../bundler/client-stub.js';
import { repoRoot } from '../helpers/paths.js';

describe('reading a module from its syntax', () => {
  it('lists the value exports of a use server module in source order, whatever their form', () => {
    const text = [
      `'use server';`,
      `import type { Row } from './db.js';`,
      `import { helper } from './db.js';`,
      `interface Local { a: number }`,
      `type Alias = string;`,
      `export async function first(): Promise<void> {}`,
      `export const second = async (): Promise<void> => {}, third = async (): Promise<void> => {};`,
      `async function inner(): Promise<void> {}`,
      `export { inner as fourth, inner as 'fifth name', type Row, Local, Alias };`,
      `export type { Row as Other };`,
      `export interface Shape { x: number }`,
      `export declare const ambient: number;`,
      `export { helper as sixth };`,
      `export { seventh } from './more.js';`,
      `export default async function (): Promise<void> {}`,
    ].join('\n');
    expect(readModuleSyntax('/p/src/app/a.ts', text)).toEqual({ kind: 'server-module', exportNames: ['first', 'second', 'third', 'fourth', 'fifth name', 'sixth', 'seventh', 'default'], exportsStar: false });
  });

  it('keeps export * (its names need a checker): the stub re-exports the whole generated client', () => {
    expect(readModuleSyntax('/p/a.ts', `'use server';\nexport * from './b.js';\n`)).toEqual({ kind: 'server-module', exportNames: [], exportsStar: true });
    expect(clientStubText('./c.js', [], true)).toContain(`export * from "./c.js";`);
  });

  it('reads the directive as JavaScript does: first statement only, quotes only', () => {
    expect(readModuleSyntax('/p/a.ts', `import x from 'y';\n'use server';\nexport async function f() {}\n`)).toEqual({ kind: 'plain' });
    expect(readModuleSyntax('/p/a.ts', '`use server`;\nexport async function f() {}\n')).toEqual({ kind: 'plain' });
    expect(readModuleSyntax('/p/a.ts', `// comment\n"use strict";\n"use server";\nexport async function f() {}\n`)).toMatchObject({ kind: 'server-module', exportNames: ['f'] });
  });

  it('finds inline actions (the directive first in a function body), naming the functions', () => {
    const text = `export function page() {\n  async function save() { 'use server'; }\n  const remove = async () => { 'use server'; };\n  return { save, remove };\n}\n`;
    expect(readModuleSyntax('/p/a.tsx', text)).toEqual({ kind: 'inline-actions', functionNames: ['save', 'remove'] });
  });

  it('does not parse a module that never mentions the directive', () => {
    expect(readModuleSyntax('/p/a.ts', 'this is not even JavaScript {{{')).toEqual({ kind: 'plain' });
  });

  it('writes string export names as strings, identifiers as identifiers', () => {
    expect(clientStubText('../generated/client/app/a.js', ['f', 'with space', 'default'], false)).toContain(`export { f, "with space", default } from "../generated/client/app/a.js";`);
  });
});

describe('the built plugins', () => {
  it.each(['vite', 'esbuild'])('actionwire/%s loads neither vite nor esbuild at run time', (name) => {
    const built = readFileSync(join(repoRoot, 'dist', 'bundler', `${name}.js`), 'utf8');
    const imported = ts.preProcessFile(built, true, true).importedFiles.map((file) => file.fileName);
    expect(imported).toContain('./client-graph.js');
    expect(imported.filter((specifier) => /^(vite|esbuild)(\/|$)/.test(specifier))).toEqual([]);
  });
});
