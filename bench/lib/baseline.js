import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { rootDirectory } from '../paths.js';
import { tspc } from './tspc.js';

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/**
 * The bench fixture's generated server as commit `commit` builds it, for a before/after comparison in one run
 * (`--baseline=<commit>`): the commit's sources (git archive) in `directory`, this checkout's node_modules
 * linked in except `actionwire`, which points at the copy; compiled with tsc, then the fixture with tspc and
 * the copy's transformer. Returns the path of the copy's `generated-server.js`.
 */
export function prepareBaseline(commit, directory) {
  mkdirSync(directory, { recursive: true });
  const archive = run('git', ['archive', '--format=tar', commit], { cwd: rootDirectory, encoding: 'buffer' });
  run('tar', ['-x', '-C', directory], { input: archive });
  const modules = join(directory, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync(join(rootDirectory, 'node_modules'))) {
    if (name !== 'actionwire') symlinkSync(join(rootDirectory, 'node_modules', name), join(modules, name));
  }
  symlinkSync(directory, join(modules, 'actionwire'));
  run(process.execPath, [join(rootDirectory, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(directory, 'tsconfig.json')]);
  tspc(join(directory, 'bench', 'fixture', 'tsconfig.json'));
  return join(directory, 'bench', 'fixture', 'dist', 'generated-server.js');
}
