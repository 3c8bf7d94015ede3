import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDirectory } from '../paths.js';

const MIB = 1024 * 1024;

/** `node <args>` in a fresh process, in `directory`: wall time and its own peak RSS (reported by usage-reporter.js). */
export function measuredRun(directory, label, args) {
  const usageFile = join(directory, `usage-${label}.json`);
  const reporter = pathToFileURL(join(benchDirectory, 'lib', 'usage-reporter.js')).href;
  const start = process.hrtime.bigint();
  // Linux carries a process's peak RSS across exec, and a child forked from this process starts with this
  // process's RSS (hundreds of MiB after the in-process sections): the measured node is forked from a shell.
  const result = spawnSync('/bin/sh', ['-c', '"$@" & wait $!', 'sh', process.execPath, '--import', reporter, ...args], {
    cwd: directory,
    env: { ...process.env, ACTIONWIRE_USAGE_FILE: usageFile },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${label} failed on ${directory}:\n${result.stdout}${result.stderr}`);
  const { maxRssBytes } = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { seconds, rssMiB: maxRssBytes / MIB };
}
