import { join } from 'node:path';
import { treePeakRun } from './lib/tree-peak.js';
import { writeVariedProject } from './lib/varied-project.js';
import { alternate, median, round } from './lib/stats.js';
import { rootDirectory, scratchDirectory } from './paths.js';

const TYPESCRIPT_7 = join(rootDirectory, 'node_modules', 'typescript-7');
const TSC_7 = join(TYPESCRIPT_7, 'bin', 'tsc');
const CLI = join(rootDirectory, 'dist', 'cli', 'actionwire.js');

/**
 * A TypeScript 7 project of 2,000 varied actions: `tsc` 7 alone against `actionwire generate` (the analysis on
 * the project's TypeScript 7) followed by `tsc` 7 of the same sources and the generated routes. Time is the two
 * runs' sum; memory is each side's peak of its processes' summed RSS (compiler child processes included).
 */
export async function benchCompile7({ rounds, log }) {
  const actions = 2000;
  const directory = join(scratchDirectory, `compile7-${actions}`);
  const { files } = writeVariedProject(directory, actions, TYPESCRIPT_7);
  log(`  ${actions} varied actions in ${files} 'use server' files, TypeScript 7, ${rounds} rounds`);
  const tsc = async (roundIndex) => {
    const sample = await treePeakRun(directory, 'tsc 7', [TSC_7, '-p', 'tsconfig.tsc.json']);
    if (roundIndex >= 0) log(`  tsc 7 alone              ${round(sample.seconds)} s   ${Math.round(sample.rssMiB)} MiB`);
    return sample;
  };
  const generateThenTsc = async (roundIndex) => {
    const generate = await treePeakRun(directory, 'actionwire generate', [CLI, 'generate', '-p', 'tsconfig.generate.json']);
    const build = await treePeakRun(directory, 'tsc 7 (generated)', [TSC_7, '-p', 'tsconfig.generate.json']);
    const sample = { seconds: generate.seconds + build.seconds, rssMiB: Math.max(generate.rssMiB, build.rssMiB), generateSeconds: generate.seconds, generateMiB: generate.rssMiB };
    if (roundIndex >= 0) log(`  actionwire generate + tsc ${round(sample.seconds)} s (generate ${round(generate.seconds)} s, ${Math.round(generate.rssMiB)} MiB; tsc ${Math.round(build.rssMiB)} MiB)`);
    return sample;
  };
  const samples = await alternate(rounds, { tsc, generate: generateThenTsc });
  const figure = (side, key) => median(samples[side].map((sample) => sample[key]));
  return {
    'compile7.2000.tsc_s': round(figure('tsc', 'seconds')),
    'compile7.2000.generate_s': round(figure('generate', 'generateSeconds')),
    'compile7.2000.generate_tsc_s': round(figure('generate', 'seconds')),
    'compile7.2000.tsc_mib': Math.round(figure('tsc', 'rssMiB')),
    'compile7.2000.generate_mib': Math.round(figure('generate', 'generateMiB')),
    'compile7.2000.ratio.time': round(figure('generate', 'seconds') / figure('tsc', 'seconds')),
    'compile7.2000.ratio.rss': round(figure('generate', 'rssMiB') / figure('tsc', 'rssMiB')),
  };
}
