import { watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { isWithin } from '../transformer/analysis/names/module-paths.js';

/** How long a burst of file events (an editor's save, a git checkout) is gathered before one run. */
const SETTLE_MS = 100;

const SOURCE = /\.([cm]?tsx?|json)$/;

/**
 * `--watch` on TypeScript 7: runs once, then again whenever a source file (or a tsconfig/package.json) below the
 * project directory changes, telling the run which files changed. The generated directory and node_modules are
 * not watched: writing the generated files never starts another run.
 */
export function watchWithTypeScript7(projectDir: string, generatedDir: string, run: (changed?: readonly string[]) => { errors: number }): void {
  // each cycle ends as tsc's watcher ends one, so that tools that wait for it work alike on both compilers
  const cycle = (changed?: readonly string[]): void => {
    const { errors } = run(changed);
    console.log(`Found ${errors} error${errors === 1 ? '' : 's'}. Watching for file changes.`);
  };
  cycle();
  let pending = new Set<string>();
  let everything = false;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const changed = [...pending];
    pending = new Set();
    cycle(everything ? undefined : changed);
    everything = false;
  };
  watch(projectDir, { recursive: true }, (event, name) => {
    if (name === null) return;
    const file = resolve(join(projectDir, name.toString()));
    if (!SOURCE.test(file) || /[\\/]node_modules[\\/]/.test(file) || isWithin(generatedDir, file)) return;
    // a file created, deleted or renamed, or a changed tsconfig or package.json, can change the program itself: read it all again
    if (event === 'rename' || file.endsWith('.json')) everything = true;
    pending.add(file);
    timer ??= setTimeout(flush, SETTLE_MS);
  });
}
