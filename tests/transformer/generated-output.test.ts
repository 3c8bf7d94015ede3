import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionwireCli, run, tspc, writeProject } from '../helpers/project.js';

const greetings = `'use server';
export interface Greeting { text: string; at: Date }

/** Greets someone. */
export async function greet(name: string): Promise<Greeting> {
  return { text: 'hello ' + name, at: new Date(0) };
}

export default async function shout(text: string): Promise<string> {
  return text.toUpperCase();
}
`;

/** Serves the actions on a real Koa server and calls them through the generated client, three ways. */
const main = `import Koa from 'koa';
import { createActionRouter } from './generated/routes.js';
import { configureClient, createClient } from './generated/client/index.js';
import shout, { greet } from './generated/client/greetings.js';

const app = new Koa();
app.use(createActionRouter().routes());
const server = app.listen(0, '127.0.0.1', async () => {
  const baseUrl = 'http://127.0.0.1:' + (server.address() as { port: number }).port;
  configureClient({ baseUrl });
  const direct = await greet('direct');
  const bound = await createClient({ baseUrl }).greetings.greet('bound');
  console.log(JSON.stringify({ direct: direct.text, date: direct.at instanceof Date, bound: bound.text, shouted: await shout('hey') }));
  server.close();
});
`;

const expected = { direct: 'hello direct', date: true, bound: 'hello bound', shouted: 'HEY' };

function setPackageType(dir: string, type: 'module' | 'commonjs'): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'generated-output', private: true, type }));
}

function clientFiles(directory: string): string[] {
  return readdirSync(directory).sort();
}

function runs(dir: string, entry: string): unknown {
  const result = run([entry], dir);
  if (result.status !== 0) throw new Error(result.output);
  return JSON.parse(result.output.trim().split('\n').pop() ?? '');
}

describe('the generated client: declarations and scripts, where each build runs them', () => {
  it('holds .d.ts and .js only, and an ES module build runs its scripts from outDir', () => {
    const dir = writeProject('output-esm', { 'src/greetings.ts': greetings, 'src/main.ts': main });
    const result = tspc(dir);
    expect(result.output).toBe('');
    expect(clientFiles(join(dir, 'src', 'generated', 'client'))).toEqual(['_types.d.ts', 'greetings.d.ts', 'greetings.js', 'index.d.ts', 'index.js']);
    expect(readFileSync(join(dir, 'dist', 'generated', 'client', 'greetings.js'), 'utf8')).toMatch(/^export function bind\(call\)/m);
    expect(existsSync(join(dir, 'dist', 'generated', 'client', '_types.js'))).toBe(false);
    expect(runs(dir, 'dist/main.js')).toEqual(expected);
  });

  it('writes CommonJS into the outDir of a CommonJS build, and keeps ES modules beside the declarations', () => {
    const dir = writeProject('output-cjs', { 'src/greetings.ts': greetings, 'src/main.ts': main });
    setPackageType(dir, 'commonjs');
    expect(tspc(dir).output).toBe('');
    const compiled = readFileSync(join(dir, 'dist', 'generated', 'client', 'greetings.js'), 'utf8');
    expect(compiled).toContain('exports.greet = bound.greet;');
    expect(compiled).toContain(`require('actionwire/internal/client')`);
    expect(readFileSync(join(dir, 'src', 'generated', 'client', 'greetings.js'), 'utf8')).toMatch(/^export const greet = bound\.greet;$/m);
    expect(runs(dir, 'dist/main.js')).toEqual(expected);
  });

  it('writes the scripts in the emitted format beside the sources when there is no outDir', () => {
    const dir = writeProject('output-in-place', { 'src/greetings.ts': greetings, 'src/main.ts': main }, { compilerOptions: { outDir: undefined } });
    setPackageType(dir, 'commonjs');
    expect(tspc(dir).output).toBe('');
    expect(readFileSync(join(dir, 'src', 'generated', 'client', 'index.js'), 'utf8')).toContain('exports.createClient = createClient;');
    expect(runs(dir, 'src/main.js')).toEqual(expected);
    // unchanged on the next build: the in-place scripts are what the build writes, not a difference to undo
    const before = readFileSync(join(dir, 'src', 'generated', 'client', 'index.js'), 'utf8');
    expect(tspc(dir).output).toBe('');
    expect(readFileSync(join(dir, 'src', 'generated', 'client', 'index.js'), 'utf8')).toBe(before);
  });

  it('puts the declarations beside the declarations the build emits, where the project re-exports the client', () => {
    const reexports = `export { createClient, greetings } from './generated/client/index.js';\nexport type { Greeting } from './generated/client/index.js';\n`;
    const dir = writeProject('output-declarations', { 'src/greetings.ts': greetings, 'src/api.ts': reexports }, { compilerOptions: { declaration: true, declarationDir: 'types' } });
    expect(tspc(dir).output).toBe('');
    expect(readFileSync(join(dir, 'types', 'api.d.ts'), 'utf8')).toContain(`from './generated/client/index.js'`);
    expect(clientFiles(join(dir, 'types', 'generated', 'client'))).toEqual(['_types.d.ts', 'greetings.d.ts', 'index.d.ts']);
    // a consumer of the emitted declarations sees the client's types
    writeFileSync(join(dir, 'consumer.ts'), `import { createClient, type Greeting } from './types/api.js';\nconst greeting: Promise<Greeting> = createClient({}).greetings.greet('x');\nexport { greeting };\n`);
    writeFileSync(join(dir, 'tsconfig.consumer.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, types: [] }, files: ['consumer.ts'] }));
    const consumer = run([join(dir, '..', '..', '..', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.consumer.json'], dir);
    expect(consumer.output).toBe('');
    expect(consumer.status).toBe(0);
  });

  it.each([
    ['with an outDir', true],
    ['without an outDir', false],
  ])('leaves the scripts out of the inputs of an allowJs project, %s', (_name, withOutDir) => {
    const compilerOptions = withOutDir ? { allowJs: true } : { allowJs: true, outDir: undefined };
    const dir = writeProject(`output-allowjs-${withOutDir ? 'outdir' : 'in-place'}`, { 'src/greetings.ts': greetings, 'src/main.ts': main }, { compilerOptions });
    expect(tspc(dir).output).toBe('');
    // the second build finds the scripts among the files its include matches
    expect(tspc(dir).output).toBe('');
    expect(runs(dir, withOutDir ? 'dist/main.js' : 'src/main.js')).toEqual(expected);
  });

  it('writes no script when the build stops on errors (noEmitOnError)', () => {
    const dir = writeProject('output-no-emit-on-error', { 'src/greetings.ts': greetings, 'src/main.ts': `${main}\nexport const wrong: number = 'text';\n` }, { noEmitOnError: true });
    const result = tspc(dir);
    expect(result.output).toMatch(/src\/main\.ts\(\d+,\d+\): error TS2322/);
    expect(existsSync(join(dir, 'src', 'generated', 'client', 'greetings.js'))).toBe(true);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('removes the .ts client of an earlier version, which module resolution would prefer, and nothing of the user', () => {
    const dir = writeProject('output-upgrade', {
      'src/greetings.ts': greetings,
      'src/main.ts': main,
      'src/generated/client/greetings.ts': `// Generated by actionwire — do not edit. Changes are overwritten on the next build.\n\nexport const greet = 1;\n`,
      'src/generated/client/_types.ts': `// Generated by actionwire — do not edit. Changes are overwritten on the next build.\n\nexport {};\n`,
      'src/generated/client/mine.ts': `export const mine = 1;\n`,
    });
    expect(tspc(dir).output).toBe('');
    expect(clientFiles(join(dir, 'src', 'generated', 'client'))).toEqual(['_types.d.ts', 'greetings.d.ts', 'greetings.js', 'index.d.ts', 'index.js', 'mine.ts']);
    expect(runs(dir, 'dist/main.js')).toEqual(expected);
  });

  it('actionwire generate (the TypeScript 7 path) writes the scripts to outDir in the format the project emits', () => {
    const dir = writeProject('output-cli-cjs', { 'src/greetings.ts': greetings });
    setPackageType(dir, 'commonjs');
    expect(actionwireCli(dir, ['generate']).status).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'generated', 'client', 'index.js'), 'utf8')).toContain('exports.createClient = createClient;');
    expect(readFileSync(join(dir, 'src', 'generated', 'client', 'index.js'), 'utf8')).toContain('export function createClient(');
  });
});
