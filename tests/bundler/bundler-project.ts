import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, writeProject, type CommandResult } from '../helpers/project.js';

/** In every server file, never in a client bundle. */
export const MARKER = 'SERVER-ONLY-MARKER';

/** A server module with a secret, importing a server-only helper that imports Koa; UI code calling each export form. */
export function projectSources(): Record<string, string> {
  return {
    'src/lib/db.ts': `import Koa from 'koa';\nexport const secret = '${MARKER}-db';\nexport const koaApp = new Koa();\nexport function audit(what: string): void { if (what === '') console.log('${MARKER}-audit'); }\n`,
    'src/app/actions.ts': [
      `'use server';`,
      `import { secret, audit, koaApp } from '../lib/db.js';`,
      `const note = '${MARKER}-actions';`,
      `export interface Sum { total: number }`,
      `/** When the epoch was. */`,
      `export async function epoch(): Promise<Date> {\n  audit(note + secret + String(koaApp.proxy));\n  return new Date(0);\n}`,
      `export const add = async (a: number, b: number): Promise<Sum> => ({ total: a + b });`,
      `async function inner(): Promise<string> { return 'inner'; }`,
      `export { inner as renamed, inner as 'with space' };`,
      `export type { Sum as Total };`,
      `export default async function greet(name: string): Promise<string> {\n  return \`hello \${name}\`;\n}`,
      '',
    ].join('\n'),
    'src/server.ts': `import Koa from 'koa';\nimport { createActionRouter } from './generated/routes.js';\nconst app = new Koa();\napp.use(createActionRouter().routes());\nconst server = app.listen(0, '127.0.0.1', () => console.log(\`http://127.0.0.1:\${(server.address() as { port: number }).port}/\`));\n`,
    'src/web/main.ts': [
      `import { configureClient } from 'actionwire/client';`,
      `import greet, { add, epoch, renamed, 'with space' as spaced, type Total } from '../app/actions.js';`,
      `export async function run(baseUrl: string): Promise<string> {`,
      `  configureClient({ baseUrl });`,
      `  const when = await epoch();`,
      `  const sum: Total = await add(2, 3);`,
      `  return [await greet('web'), sum.total, when instanceof Date, when.toISOString(), await renamed(), await spaced()].join(' ');`,
      `}`,
      '',
    ].join('\n'),
  };
}

/** Writes the project (more files or replacements in `files`) and leaves it uncompiled. */
export function bundlerProject(name: string, files: Record<string, string> = {}): string {
  return writeProject(name, { ...projectSources(), ...files });
}

/** Runs an ES module script in the project's directory (so `actionwire/*`, vite and esbuild resolve as in a user's project). */
export function runScript(dir: string, name: string, source: string): CommandResult {
  writeFileSync(join(dir, name), source);
  return run([join(dir, name)], dir);
}

/** `vite build` through its JS API with the plugin; `build` is the source of Vite's `build` options, `plugin` of the plugin's. */
export function viteBuild(dir: string, build: string, plugin = '{}'): CommandResult {
  return runScript(
    dir,
    'vite-build.mjs',
    `import { build } from 'vite';\nimport actionwire from 'actionwire/vite';\ntry {\n  await build({ root: ${JSON.stringify(dir)}, configFile: false, logLevel: 'silent', plugins: [actionwire(${plugin})], build: ${build} });\n  console.log('built');\n} catch (error) {\n  console.log(error.message);\n  process.exitCode = 1;\n}\n`,
  );
}

/** esbuild's `build()` with the plugin; `options` is the source of the build options besides the plugin. */
export function esbuildBuild(dir: string, options: string, plugin = '{}'): CommandResult {
  return runScript(
    dir,
    'esbuild-build.mjs',
    `import { build } from 'esbuild';\nimport actionwire from 'actionwire/esbuild';\ntry {\n  await build({ absWorkingDir: ${JSON.stringify(dir)}, logLevel: 'silent', bundle: true, format: 'esm', ...${options}, plugins: [actionwire(${plugin})] });\n  console.log('built');\n} catch (error) {\n  console.log(error.errors?.map((e) => e.text).join('\\n') ?? error.message);\n  process.exitCode = 1;\n}\n`,
  );
}

export function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function textsUnder(directory: string): string {
  return filesUnder(directory)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}
