import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { rootDirectory } from '../paths.js';

export const TSPC = join(rootDirectory, 'node_modules', 'ts-patch', 'bin', 'tspc.js');

/** Compiles a project with `tspc -p config` in a child process; throws with tspc's output if it fails. */
export function tspc(config) {
  const result = spawnSync(process.execPath, [TSPC, '-p', config], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tspc -p ${config} failed:\n${result.stdout}${result.stderr}`);
}
