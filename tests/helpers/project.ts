import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cliBin, tmpRoot, tspcBin } from './paths.js';

export interface CommandResult {
  status: number;
  output: string;
}

export function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CommandResult {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env, NODE_OPTIONS: '' } });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

export function tspc(projectDir: string, extraArgs: string[] = []): CommandResult {
  return run([tspcBin, '-p', join(projectDir, 'tsconfig.json'), ...extraArgs], projectDir);
}

export function actionwireCli(projectDir: string, args: string[]): CommandResult {
  return run([cliBin, ...args], projectDir);
}

export interface PluginOptions {
  generatedDir?: string;
  basePath?: string;
  noEmitOnError?: boolean;
  compilerOptions?: Record<string, unknown>;
  /** more keys of the plugin entry (an undefined value removes one) */
  plugin?: Record<string, unknown>;
}

/**
 * Writes a project under tests/.tmp (inside this package, so `actionwire/*` resolves as in a
 * user's project) with a tsconfig that loads the plugin; returns its directory.
 */
export function writeProject(name: string, files: Record<string, string>, options: PluginOptions = {}): string {
  const dir = join(tmpRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tsconfig = {
    compilerOptions: {
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      rootDir: 'src',
      outDir: 'dist',
      strict: true,
      skipLibCheck: true,
      types: ['node'],
      ...(options.noEmitOnError ? { noEmitOnError: true } : {}),
      ...options.compilerOptions,
      plugins: [
        {
          transform: 'actionwire/transformer',
          transformProgram: true,
          generatedDir: options.generatedDir ?? 'src/generated',
          ...(options.basePath ? { basePath: options.basePath } : {}),
          ...options.plugin,
        },
      ],
    },
    include: ['src'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
