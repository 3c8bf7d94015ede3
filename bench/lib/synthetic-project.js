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

/**
 * Writes a project of `actions` actions, ten per `'use server'` file, with two tsconfigs over the same
 * sources: `tsconfig.tsc.json` for plain `tsc` and `tsconfig.plugin.json` for `tspc` with actionwire.
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
  const plugin = [{ transform: 'actionwire/transformer', transformProgram: true, generatedDir: 'src/generated' }];
  const config = (outDir, plugins) => JSON.stringify({ compilerOptions: compilerOptions(outDir, plugins), include: ['src'], exclude: ['src/generated'] }, null, 2) + '\n';
  writeFileSync(join(directory, 'tsconfig.tsc.json'), config('dist-tsc'));
  writeFileSync(join(directory, 'tsconfig.plugin.json'), config('dist-plugin', plugin));
  return { files };
}
