import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticProject } from './lib/synthetic-project.js';
import { TSPC } from './lib/tspc.js';
import { alternate, median, round } from './lib/stats.js';
import { rootDirectory, scratchDirectory } from './paths.js';

const ACTIONS = 2000;
const WATCHERS = {
  plugin: { bin: TSPC, config: 'tsconfig.plugin.json' },
  tsc: { bin: join(rootDirectory, 'node_modules', 'typescript', 'bin', 'tsc'), config: 'tsconfig.tsc.json' },
  // tspc without the plugin: what ts-patch itself costs in watch mode
  tspc: { bin: TSPC, config: 'tsconfig.tsc.json' },
};
// The edited action: a string literal in its body changes, its signature does not.
const EDITED_FILE = join('src', `module${ACTIONS / 20}.ts`);
const LITERALS = ["' (v0)'", "' (v1)'"];
const FOUND = /Found (\d+) errors?\b/;
const START_TIMEOUT_MS = 120_000;
const REBUILD_TIMEOUT_MS = 60_000;
// After a rebuild, output must stay quiet this long before the next edit (a rebuild that triggers another shows here).
const QUIET_MS = 750;

const elapsedSeconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `bin --watch -p config` in its own Node process; its output is read line by line. */
function startWatcher(directory, name) {
  const { bin, config } = WATCHERS[name];
  const child = spawn(process.execPath, [bin, '--watch', '--preserveWatchOutput', '-p', join(directory, config)], {
    cwd: directory,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let lastOutputAt = Date.now();
  const builds = []; // error counts of the "Found N errors" lines, in order
  let waiter;
  let exited = false;
  const onData = (chunk) => {
    output += chunk;
    lastOutputAt = Date.now();
    const lines = String(chunk).split('\n');
    for (const line of lines) {
      const match = FOUND.exec(line);
      if (match) builds.push(Number(match[1]));
    }
    waiter?.();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.once('exit', () => {
    exited = true;
    waiter?.();
  });

  /** Resolves when build number `count` (1-based) has reported; rejects on a timeout or an exit. */
  const buildReported = (count, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${name} --watch reported no build ${count} within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
      const finish = (error) => {
        clearTimeout(timer);
        waiter = undefined;
        if (error) reject(error);
        else resolve(builds[count - 1]);
      };
      waiter = () => {
        if (builds.length >= count) finish();
        else if (exited) finish(new Error(`${name} --watch exited:\n${output}`));
      };
      waiter();
    });

  const quiet = async () => {
    while (Date.now() - lastOutputAt < QUIET_MS) await sleep(QUIET_MS - (Date.now() - lastOutputAt));
  };

  const stop = () =>
    new Promise((resolve) => {
      if (exited || child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill();
    });

  return { builds, buildReported, quiet, stop, output: () => output };
}

/** Flips the edited action's string literal between its two values. */
function editAction(file) {
  const source = readFileSync(file, 'utf8');
  const [from, to] = source.includes(LITERALS[0]) ? LITERALS : [...LITERALS].reverse();
  writeFileSync(file, source.replace(from, to));
}

/** One watcher session: start, first build, then `edits` timed rebuilds after one-file edits. */
async function session(directory, name, edits, log) {
  const start = process.hrtime.bigint();
  const watcher = startWatcher(directory, name);
  try {
    const initialErrors = await watcher.buildReported(1, START_TIMEOUT_MS);
    const initialSeconds = elapsedSeconds(start);
    if (initialErrors !== 0) throw new Error(`${name} --watch: the first build found ${initialErrors} errors:\n${watcher.output()}`);
    const rebuilds = [];
    for (let edit = 0; edit < edits; edit++) {
      await watcher.quiet();
      const count = watcher.builds.length;
      const editStart = process.hrtime.bigint();
      editAction(join(directory, EDITED_FILE));
      const errors = await watcher.buildReported(count + 1, REBUILD_TIMEOUT_MS);
      rebuilds.push(elapsedSeconds(editStart));
      if (errors !== 0) throw new Error(`${name} --watch: the rebuild found ${errors} errors:\n${watcher.output()}`);
    }
    await watcher.quiet();
    const extraBuilds = watcher.builds.length - 1 - edits;
    log(`  ${name.padEnd(6)} first build ${round(initialSeconds)} s   rebuilds ${rebuilds.map((seconds) => round(seconds)).join(' s, ')} s${extraBuilds > 0 ? `   (${extraBuilds} builds nobody asked for)` : ''}`);
    return { initialSeconds, rebuilds };
  } finally {
    await watcher.stop();
  }
}

/**
 * `tspc --watch` with the plugin vs `tsc --watch` (and `tspc --watch` without the plugin) on the 2,000-action project: time from a one-file edit (a
 * string literal in one action's body) to the watcher's next "Found N errors" line. Both include the compiler's
 * own 250 ms debounce of file events. Sessions alternate; each watcher runs alone.
 */
export async function benchWatch({ sessions, edits, log }) {
  const directory = join(scratchDirectory, `watch-${ACTIONS}`);
  const { files } = writeSyntheticProject(directory, ACTIONS);
  const edited = join(directory, EDITED_FILE);
  const source = readFileSync(edited, 'utf8');
  const withLiteral = source.replace('name: input.name,', `name: input.name + ${LITERALS[0]},`);
  if (withLiteral === source) throw new Error(`${EDITED_FILE} has no action body to edit`);
  writeFileSync(edited, withLiteral);

  log(`  ${ACTIONS} actions in ${files} files, ${sessions} sessions per side, ${edits} edits of ${EDITED_FILE} each`);
  const side = (name) => () => session(directory, name, edits, log);
  const samples = await alternate(sessions, { plugin: side('plugin'), tsc: side('tsc'), tspc: side('tspc') }, { warmUp: false });
  const rebuild = (name) => median(samples[name].flatMap((sample) => sample.rebuilds));
  const initial = (name) => median(samples[name].map((sample) => sample.initialSeconds));
  return {
    'watch.s': round(rebuild('plugin')),
    'watch.tsc_s': round(rebuild('tsc')),
    'watch.tspc_s': round(rebuild('tspc')),
    'watch.first_build_s': round(initial('plugin')),
    'watch.tsc_first_build_s': round(initial('tsc')),
    'watch.ratio': round(rebuild('plugin') / rebuild('tsc')),
    'watch.ratio.over_tspc': round(rebuild('plugin') / rebuild('tspc')),
  };
}
