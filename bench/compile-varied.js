import { join } from 'node:path';
import { measuredRun } from './lib/measured-run.js';
import { TSPC } from './lib/tspc.js';
import { writeVariedProject } from './lib/varied-project.js';
import { alternate, median, round } from './lib/stats.js';
import { rootDirectory, scratchDirectory } from './paths.js';

const TYPESCRIPT_6 = join(rootDirectory, 'node_modules', 'typescript');
const TSC_6 = join(TYPESCRIPT_6, 'bin', 'tsc');

/**
 * The TypeScript 6 path on issue 21's varied project (2,000 actions: unions, utility types, generics, Map, Record,
 * dates; a Koa entry point on both sides): `tspc` with the plugin (which also compiles the generated routes) against
 * `tsc` 6 alone on the same sources, each in a fresh process, alternating.
 */
export async function benchCompileVaried({ rounds, log }) {
  const actions = 2000;
  const directory = join(scratchDirectory, `compile-varied-${actions}`);
  const { files } = writeVariedProject(directory, actions, TYPESCRIPT_6);
  log(`  ${actions} varied actions in ${files} 'use server' files, TypeScript 6, ${rounds} rounds`);
  const side = (label, args) => (roundIndex) => {
    const sample = measuredRun(directory, label, args);
    if (roundIndex >= 0) log(`  ${label.padEnd(14)} ${round(sample.seconds)} s   ${Math.round(sample.rssMiB)} MiB`);
    return sample;
  };
  const samples = await alternate(rounds, {
    tsc: side('tsc 6 alone', [TSC_6, '-p', join(directory, 'tsconfig.tsc.json')]),
    plugin: side('tspc + plugin', [TSPC, '-p', join(directory, 'tsconfig.generate.json')]),
  });
  const figure = (name, key) => median(samples[name].map((sample) => sample[key]));
  return {
    'compile.2000.varied.tsc_s': round(figure('tsc', 'seconds')),
    'compile.2000.varied.plugin_s': round(figure('plugin', 'seconds')),
    'compile.2000.varied.tsc_mib': Math.round(figure('tsc', 'rssMiB')),
    'compile.2000.varied.plugin_mib': Math.round(figure('plugin', 'rssMiB')),
    'compile.2000.varied.ratio.time': round(figure('plugin', 'seconds') / figure('tsc', 'seconds')),
    'compile.2000.varied.ratio.rss': round(figure('plugin', 'rssMiB') / figure('tsc', 'rssMiB')),
  };
}
