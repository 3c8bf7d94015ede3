import { join } from 'node:path';
import { measuredRun } from './lib/measured-run.js';
import { writeSyntheticProject } from './lib/synthetic-project.js';
import { alternate, median, round } from './lib/stats.js';
import { rootDirectory, scratchDirectory } from './paths.js';

const ACTIONS = 2000;
const SIDES = {
  generate: (directory) => [join(rootDirectory, 'dist', 'cli', 'actionwire.js'), 'generate', '-p', join(directory, 'tsconfig.plugin.json')],
  tsc: (directory) => [join(rootDirectory, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', join(directory, 'tsconfig.tsc.json')],
};

/** One run in a fresh Node process: wall time and peak RSS. */
function runOnce(directory, name) {
  return measuredRun(directory, name, SIDES[name](directory));
}

/**
 * `actionwire generate` (the transformer's codegen without emitting JavaScript) vs `tsc --noEmit` on the same
 * 2,000-action sources. The unrecorded first round writes the generated files; later rounds find them current.
 */
export async function benchGenerate({ rounds, log }) {
  const directory = join(scratchDirectory, `generate-${ACTIONS}`);
  const { files } = writeSyntheticProject(directory, ACTIONS);
  log(`  ${ACTIONS} actions in ${files} files, ${rounds} rounds`);
  const side = (name) => (roundIndex) => {
    const sample = runOnce(directory, name);
    if (roundIndex >= 0) log(`  ${name.padEnd(9)} ${round(sample.seconds)} s   ${Math.round(sample.rssMiB)} MiB`);
    return sample;
  };
  const samples = await alternate(rounds, { generate: side('generate'), tsc: side('tsc') });
  const figure = (name, key) => median(samples[name].map((sample) => sample[key]));
  return {
    'generate.s': round(figure('generate', 'seconds')),
    'generate.tsc_noemit_s': round(figure('tsc', 'seconds')),
    'generate.mib': Math.round(figure('generate', 'rssMiB')),
    'generate.tsc_noemit_mib': Math.round(figure('tsc', 'rssMiB')),
    'generate.ratio': round(figure('generate', 'seconds') / figure('tsc', 'seconds')),
    'generate.ratio.rss': round(figure('generate', 'rssMiB') / figure('tsc', 'rssMiB')),
  };
}
