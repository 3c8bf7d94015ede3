import { join } from 'node:path';
import { measuredRun } from './lib/measured-run.js';
import { writeSyntheticProject } from './lib/synthetic-project.js';
import { TSPC } from './lib/tspc.js';
import { alternate, median, round } from './lib/stats.js';
import { rootDirectory, scratchDirectory } from './paths.js';

const COMPILERS = {
  tsc: { bin: join(rootDirectory, 'node_modules', 'typescript', 'bin', 'tsc'), config: 'tsconfig.tsc.json' },
  plugin: { bin: TSPC, config: 'tsconfig.plugin.json' },
  // tspc without the plugin: what ts-patch itself costs, so that the plugin's own share can be told apart
  tspc: { bin: TSPC, config: 'tsconfig.tsc.json' },
};

/** One compile in a fresh Node process: wall time and peak RSS. */
function compile(directory, compiler) {
  const { bin, config } = COMPILERS[compiler];
  return measuredRun(directory, compiler, [bin, '-p', join(directory, config)]);
}

async function measureProject(actions, rounds, log) {
  const directory = join(scratchDirectory, `compile-${actions}`);
  const { files } = writeSyntheticProject(directory, actions);
  const side = (compiler) => (roundIndex) => {
    const sample = compile(directory, compiler);
    if (roundIndex >= 0) log(`  ${String(actions).padStart(5)} actions, ${compiler.padEnd(6)} ${round(sample.seconds)} s   ${Math.round(sample.rssMiB)} MiB`);
    return sample;
  };
  log(`  ${actions} actions in ${files} files, ${rounds} rounds`);
  const samples = await alternate(rounds, { tsc: side('tsc'), tspc: side('tspc'), plugin: side('plugin') });
  const figure = (compiler, key) => median(samples[compiler].map((sample) => sample[key]));
  return {
    tscSeconds: figure('tsc', 'seconds'),
    tspcSeconds: figure('tspc', 'seconds'),
    pluginSeconds: figure('plugin', 'seconds'),
    tscMiB: figure('tsc', 'rssMiB'),
    tspcMiB: figure('tspc', 'rssMiB'),
    pluginMiB: figure('plugin', 'rssMiB'),
  };
}

/** tspc with the plugin vs plain tsc (and tspc without the plugin) on the same synthetic sources, at 200 and 2,000 actions. */
export async function benchCompile({ smallRounds, largeRounds, log }) {
  const small = await measureProject(200, smallRounds, log);
  const large = await measureProject(2000, largeRounds, log);
  return {
    'compile.200.tsc_s': round(small.tscSeconds),
    'compile.200.tspc_s': round(small.tspcSeconds),
    'compile.200.plugin_s': round(small.pluginSeconds),
    'compile.200.tsc_mib': Math.round(small.tscMiB),
    'compile.200.tspc_mib': Math.round(small.tspcMiB),
    'compile.200.plugin_mib': Math.round(small.pluginMiB),
    'compile.2000.tsc_s': round(large.tscSeconds),
    'compile.2000.tspc_s': round(large.tspcSeconds),
    'compile.2000.plugin_s': round(large.pluginSeconds),
    'compile.2000.tsc_mib': Math.round(large.tscMiB),
    'compile.2000.plugin_mib': Math.round(large.pluginMiB),
    'compile.ratio.time': round(small.pluginSeconds / small.tscSeconds),
    'compile.ratio.time_over_tspc': round(small.pluginSeconds / small.tspcSeconds),
    'compile.ratio.rss': round(small.pluginMiB / small.tscMiB),
    'compile.ratio.rss_over_tspc': round(small.pluginMiB / small.tspcMiB),
    'compile.2000.ratio.time': round(large.pluginSeconds / large.tscSeconds),
    'compile.2000.ratio.time_over_tspc': round(large.pluginSeconds / large.tspcSeconds),
    'compile.2000.ratio.rss': round(large.pluginMiB / large.tscMiB),
    'compile.scale': round(large.pluginSeconds / small.pluginSeconds, 1),
  };
}
