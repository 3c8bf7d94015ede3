import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ACTIONS_PER_FILE = 10;

function actionSource(file, index) {
  const name = `F${file}A${index}`;
  return `
export interface ${name}Input {
  name: string;
  count: number;
  active: boolean;
  tags: string[];
  note?: string;
}

export interface ${name}Result {
  id: number;
  name: string;
  total: number;
  tags: string[];
  createdAt: Date;
}

/** Synthetic action ${index} of file ${file}. */
export async function action${index}(input: ${name}Input): Promise<${name}Result> {
  return { id: ${file * ACTIONS_PER_FILE + index}, name: input.name, total: input.count * 2, tags: input.tags, createdAt: new Date(0) };
}
`;
}

function compilerOptions(outDir, plugins) {
  return {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    rootDir: 'src',
    outDir,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    ...(plugins ? { plugins } : {}),
  };
}

/** The app's entry point on each side: a Koa app and its router, hand-written or generated. */
const SERVERS = {
  'server-koa.ts': `import Koa from 'koa';
import Router from '@koa/router';

const router = new Router({ prefix: '/actions' });
export const app = new Koa();
app.use(router.routes());
`,
  'server-actionwire.ts': `import Koa from 'koa';
import { createActionRouter } from './generated/routes.js';

export const app = new Koa();
app.use(createActionRouter().routes());
`,
};

/**
 * Writes a project of `actions` actions, ten per `'use server'` file, with two tsconfigs over the same
 * sources: `tsconfig.tsc.json` for plain `tsc` and `tsconfig.plugin.json` for `tspc` with actionwire. Each
 * side has a Koa app as its entry point, as every app serving the actions has (so Koa's typings are parsed
 * on both sides); the plugin's tsconfig is the README's (it includes routes.ts, not the client's declarations).
 */
export function writeSyntheticProject(directory, actions) {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(join(directory, 'src'), { recursive: true });
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ name: `synthetic-${actions}`, private: true, type: 'module' }) + '\n');
  const files = Math.ceil(actions / ACTIONS_PER_FILE);
  for (let file = 0; file < files; file++) {
    const count = Math.min(ACTIONS_PER_FILE, actions - file * ACTIONS_PER_FILE);
    const body = Array.from({ length: count }, (_, index) => actionSource(file, index)).join('');
    writeFileSync(join(directory, 'src', `module${file}.ts`), `'use server';\n${body}`);
  }
  writeEntryPointsAndConfigs(directory, 'plugin');
  return { files };
}

/**
 * The Koa entry point of each side, and two tsconfigs over the same sources: `tsconfig.tsc.json` (plain tsc, the
 * hand-written router) and `tsconfig.<pluginSide>.json` (the README's tsconfig with the plugin entry, the generated
 * routes, not the client's declarations).
 */
export function writeEntryPointsAndConfigs(directory, pluginSide) {
  for (const [name, text] of Object.entries(SERVERS)) writeFileSync(join(directory, 'src', name), text);
  const plugin = [{ transform: 'actionwire/transformer', transformProgram: true, generatedDir: 'src/generated' }];
  const config = (outDir, plugins, exclude) => JSON.stringify({ compilerOptions: compilerOptions(outDir, plugins), include: ['src'], exclude }, null, 2) + '\n';
  writeFileSync(join(directory, 'tsconfig.tsc.json'), config('dist-tsc', undefined, ['src/generated', 'src/server-actionwire.ts']));
  writeFileSync(join(directory, `tsconfig.${pluginSide}.json`), config(`dist-${pluginSide}`, plugin, ['src/server-koa.ts', 'src/generated/client']));
}
