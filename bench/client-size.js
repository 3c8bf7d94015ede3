import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { writeSyntheticProject } from './lib/synthetic-project.js';
import { grouped } from './lib/stats.js';
import { tspc } from './lib/tspc.js';
import { rootDirectory, scratchDirectory } from './paths.js';

/** Minified (esbuild, for browsers) and gzipped size of a bundle of `contents`, resolved from `resolveDir`. */
async function bundledBytes(contents, resolveDir) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

/** The synthetic project of `actions` actions with its generated client, compiled by the compile bench or now. */
function generatedClient(actions) {
  const directory = join(scratchDirectory, `compile-${actions}`);
  const client = join(directory, 'src', 'generated', 'client');
  if (!existsSync(join(client, 'index.js'))) {
    writeSyntheticProject(directory, actions);
    tspc(join(directory, 'tsconfig.plugin.json'));
  }
  return client;
}

/** Bytes the generated client adds per action, beyond ky, in a minified and gzipped browser bundle. */
export async function benchClientSize({ log }) {
  const ky = await bundledBytes(`export { default } from 'ky';`, rootDirectory);
  const runtime = await bundledBytes(`export * from 'actionwire/client'; export * from 'actionwire/internal/client';`, rootDirectory);
  const sizes = {};
  for (const actions of [200, 2000]) {
    sizes[actions] = await bundledBytes(`export * from './index.js';`, generatedClient(actions));
    log(`  ${String(actions).padStart(5)} actions: ${grouped(sizes[actions])} B (ky alone ${grouped(ky)} B, ky + actionwire/client ${grouped(runtime)} B)`);
  }
  return {
    'client.ky_bytes': ky,
    'client.runtime_bytes': runtime - ky,
    'client.bytes_per_action': Math.round((sizes[200] - ky) / 200),
    'client.bytes_per_action_marginal': Math.round((sizes[2000] - sizes[200]) / 1800),
  };
}
