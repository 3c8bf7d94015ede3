import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ts from 'typescript';
import { join } from 'node:path';
import { readModuleSyntax as readSyntax } from '../../bundler/module-syntax.js';
import { clientStubText } from '../../bundler/client-stub.js';
import { loadProjectTypeScript, typeScript7Reading, type ProjectTypeScript } from '../../bundler/project-typescript.js';
import { loadTypeScript7 } from '../../transformer/analysis-ts7/typescript-7-modules.js';
import { repoRoot } from '../helpers/paths.js';

/** The project's TypeScript as the plugins read it: this repository's 6 in this process, 7 through its compiler process (the pinned typescript-7 alias). */
const readings: [string, () => Promise<ProjectTypeScript>][] = [
  ['TypeScript 6', loadProjectTypeScript],
  ['TypeScript 7', async () => typeScript7Reading(await loadTypeScript7(repoRoot, 'typescript-7'))],
];

describe.each(readings)('reading a module from its syntax on %s', (_name, load) => {
  let typescript: ProjectTypeScript;
  const readModuleSyntax = (fileName: string, text: string): ReturnType<typeof readSyntax> => readSyntax(typescript, fileName, text);
  beforeAll(async () => {
    typescript = await load();
  });
  afterAll(() => typescript?.close());

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
});

describe('the stub of a use server module', () => {
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

/** Module texts in every export and directive form the plugins read; each must read the same on both compilers. */
const FORMS: Record<string, string> = {
  'src/forms.ts': [
    `'use server';`,
    `import Default, * as Namespace from './db.js';`,
    `import { type Row, helper } from './db.js';`,
    `import type { Shape } from './db.js';`,
    `enum Color { Red }`,
    `export enum Exported { A }`,
    `export const enum Inlined { B }`,
    `export namespace Space { export const x = 1; }`,
    `export declare namespace Ambient { const y: number; }`,
    `export declare function ambient(): void;`,
    `export class Service {}`,
    `export abstract class Base {}`,
    `export const { a, b: [c, , d], ...rest } = { a: 1, b: [1, 2, 3], e: 4 } as const as never;`,
    `export let later: number | undefined, another = 2;`,
    `export { Default, Namespace, Row, Shape, helper as 'helper-name', Color };`,
    `export * as everything from './all.js';`,
    `export type * from './types.js';`,
    `export { type Imported, value } from './other.js';`,
    `@decorated export class Decorated {}`,
    `export default class {}`,
  ].join('\n'),
  'src/star.mts': `'use server';\nexport * from './b.js';\nexport async function own() {}\n`,
  'src/assignment.cts': `'use server';\nconst x = async () => 1;\nexport = x;\n`,
  'src/default-expression.ts': `'use server';\nconst handler = async () => 1;\nexport default handler;\n`,
  'src/component.tsx': `'use server';\nimport type { ReactNode } from 'react';\nexport async function view(): Promise<ReactNode> { return <div title="x">{'use server'}</div>; }\nexport const other = async <T,>(value: T) => value;\n`,
  'src/script.js': `'use server';\nexport async function fromJs() {}\nexport { fromJs as alias };\n`,
  'src/page.jsx': `export function Page() {\n  async function save() { 'use server'; }\n  return <form action={save} />;\n}\n`,
  'src/inline.ts': [
    `export function page(id: string) {`,
    `  async function save(): Promise<void> { 'use server'; console.log(id); }`,
    `  const remove = async (): Promise<void> => { 'use server'; };`,
    `  const object = { async method() { 'use server'; }, property: async function () { 'use server'; } };`,
    `  class Holder { async run() { "use strict"; 'use server'; } }`,
    `  async function late() { const x = 1; 'use server'; }`,
    `  async function template() { \`use server\`; }`,
    `  return [save, remove, object, Holder, late, template, async () => { 'use server'; }];`,
    `}`,
  ].join('\n'),
  'src/not-first.ts': `import x from 'y';\n'use server';\nexport async function f() { return x; }\n`,
};

describe('the syntax reading on TypeScript 6 and on TypeScript 7', () => {
  let six: ProjectTypeScript;
  let seven: ProjectTypeScript;
  beforeAll(async () => {
    six = await readings[0][1]();
    seven = await readings[1][1]();
    expect([six.version, seven.version]).toEqual([expect.stringMatching(/^6\./), expect.stringMatching(/^7\./)]);
  });
  afterAll(() => seven?.close());

  it.each(Object.keys(FORMS))('reads %s the same', (fileName) => {
    const onSix = readSyntax(six, `/p/${fileName}`, FORMS[fileName]);
    expect(readSyntax(seven, `/p/${fileName}`, FORMS[fileName])).toEqual(onSix);
  });

  it('reads every form as JavaScript sees it once types are erased', () => {
    expect(readSyntax(seven, '/p/src/forms.ts', FORMS['src/forms.ts'])).toEqual({
      kind: 'server-module',
      exportNames: ['Exported', 'Inlined', 'Space', 'Service', 'Base', 'a', 'c', 'd', 'rest', 'later', 'another', 'Default', 'Namespace', 'helper-name', 'Color', 'everything', 'value', 'Decorated', 'default'],
      exportsStar: false,
    });
    expect(readSyntax(seven, '/p/src/star.mts', FORMS['src/star.mts'])).toEqual({ kind: 'server-module', exportNames: ['own'], exportsStar: true });
    expect(readSyntax(seven, '/p/src/inline.ts', FORMS['src/inline.ts'])).toEqual({
      kind: 'inline-actions',
      functionNames: ['save', 'remove', 'method', 'property', 'run', 'the function at line 8'],
    });
    expect(readSyntax(seven, '/p/src/not-first.ts', FORMS['src/not-first.ts'])).toEqual({ kind: 'plain' });
  });

  it("reads a tsconfig's rootDir, outDir and plugin entry the same, through extends", () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionwire-tsconfig-'));
    writeFileSync(join(dir, 'base.json'), `{\n  // comments and trailing commas, as tsconfig files have them\n  "compilerOptions": { "rootDir": "src", "outDir": "dist", "plugins": [{ "transform": "actionwire/transformer", "transformProgram": true, "generatedDir": "src/gen", }], },\n}\n`);
    writeFileSync(join(dir, 'tsconfig.json'), `{ "extends": "./base.json", "compilerOptions": { "strict": true } }\n`);
    const tsconfig = join(dir, 'tsconfig.json');
    const [onSix, onSeven] = [six, seven].map((typescript) => {
      const { options, plugins } = typescript.readTsconfig(tsconfig);
      return { rootDir: options.rootDir, outDir: options.outDir, plugins };
    });
    expect(onSeven).toEqual(onSix);
    expect(onSix).toEqual({ rootDir: join(dir, 'src'), outDir: join(dir, 'dist'), plugins: [{ transform: 'actionwire/transformer', transformProgram: true, generatedDir: 'src/gen' }] });
    rmSync(dir, { recursive: true });
  });

  it('starts the compiler process again after close (a next build)', () => {
    seven.close();
    expect(readSyntax(seven, '/p/src/script.js', FORMS['src/script.js'])).toEqual({ kind: 'server-module', exportNames: ['fromJs', 'alias'], exportsStar: false });
  });
});
