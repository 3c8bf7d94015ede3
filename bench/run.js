import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchClientSize } from './client-size.js';
import { benchCompile } from './compile.js';
import { benchCompile7 } from './compile7.js';
import { benchCompileVaried } from './compile-varied.js';
import { benchForm } from './form.js';
import { benchGenerate } from './generate.js';
import { benchHttp } from './http.js';
import { benchSerialize } from './serialize.js';
import { benchStartup } from './startup.js';
import { benchStream } from './stream.js';
import { benchValidate } from './validate.js';
import { benchWatch } from './watch.js';
import { prepareBaseline } from './lib/baseline.js';
import { benchedCommit, figuresBlock, writeBenchmarksPage } from './lib/benchmarks-page.js';
import { tspc } from './lib/tspc.js';
import { benchDirectory, fixtureDirectory, scratchDirectory } from './paths.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length).split(',');
const baselineCommit = process.argv.find((argument) => argument.startsWith('--baseline='))?.slice('--baseline='.length);
const log = (line) => console.log(line);
const loadAtStart = loadavg()[0];
const commit = benchedCommit(join(benchDirectory, '..'));
let baseline;

const sections = {
  http: () => benchHttp({ rounds: quick ? 3 : 5, seconds: quick ? 4 : 10, connections: 50, log, baseline }),
  validate: () => benchValidate({ rounds: quick ? 5 : 9, iterations: quick ? 2_000_000 : 5_000_000, log }),
  serialize: () => benchSerialize({ rounds: quick ? 5 : 9, iterations: quick ? 2_000_000 : 5_000_000, log }),
  form: () => benchForm({ rounds: quick ? 3 : 5, log }),
  compile: () => benchCompile({ smallRounds: quick ? 3 : 5, largeRounds: quick ? 1 : 3, log }),
  compileVaried: () => benchCompileVaried({ rounds: quick ? 2 : 5, log }),
  compile7: () => benchCompile7({ rounds: quick ? 2 : 5, log }),
  client: () => benchClientSize({ log }),
  startup: () => benchStartup({ rounds: quick ? 5 : 9, log }),
  generate: () => benchGenerate({ rounds: quick ? 2 : 5, log }),
  stream: () => benchStream({ rounds: quick ? 3 : 7, count: quick ? 20_000 : 100_000, log }),
  watch: () => benchWatch({ sessions: quick ? 2 : 3, edits: quick ? 3 : 5, log }),
};

rmSync(scratchDirectory, { recursive: true, force: true });
tspc(join(fixtureDirectory, 'tsconfig.json'));
if (baselineCommit) {
  log(`building the fixture's generated server at ${baselineCommit} (http section: side "baseline")`);
  baseline = prepareBaseline(baselineCommit, join(scratchDirectory, 'baseline'));
}
const figures = {};
for (const [name, run] of Object.entries(sections)) {
  if (only && !only.includes(name)) continue;
  log(`\n${name}`);
  Object.assign(figures, await run());
}

log('\nsummary');
for (const [name, value] of Object.entries(figures)) log(`${name}: ${value}`);
const results = { date: new Date().toISOString(), quick, node: process.version, figures };
mkdirSync(join(benchDirectory, 'results'), { recursive: true });
// A run of some sections only must not pass for the record of a whole run.
writeFileSync(join(benchDirectory, 'results', only ? 'partial.json' : 'latest.json'), JSON.stringify(results, null, 2) + '\n');
if (!only) {
  writeBenchmarksPage(join(benchDirectory, '..', 'BENCHMARKS.md'), figuresBlock(results, { commit, loadAtStart }));
  log('\nBENCHMARKS.md: the figures block rewritten');
}
rmSync(scratchDirectory, { recursive: true, force: true });
