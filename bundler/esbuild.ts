import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';
import { checkOptions, ESBUILD_OPTIONS, type EsbuildPluginOptions } from './bundler-options.js';
import { ClientGraph } from './client-graph.js';

export type { EsbuildPluginOptions } from './bundler-options.js';

/** Marks the resolutions this plugin asks esbuild for, so its own onResolve lets them through. */
const OWN_RESOLUTION = Symbol('actionwire');

/**
 * The esbuild plugin: every build it is in is a client bundle (unless `server: true`), where every 'use server'
 * module becomes stubs of its generated client, and an import of `actionwire/server`, of a module with inline
 * actions or of a `serverOnly` module fails the build naming the import chain.
 *
 * @example
 * import { build } from 'esbuild';
 * import actionwire from 'actionwire/esbuild';
 * await build({ entryPoints: ['src/web/main.ts'], bundle: true, outdir: 'dist/web', plugins: [actionwire()] });
 */
export default function actionwire(options: EsbuildPluginOptions = {}): Plugin {
  checkOptions(options, ESBUILD_OPTIONS);
  return {
    name: 'actionwire',
    setup(build) {
      if (options.server === true) return;
      const graph = new ClientGraph(build.initialOptions.absWorkingDir ?? process.cwd(), options);
      build.onStart(async () => {
        try {
          await graph.start();
          return undefined;
        } catch (error) {
          return { errors: [{ text: (error as Error).message }] };
        }
      });
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === OWN_RESOLUTION) return undefined;
        const importer = args.importer === '' ? undefined : args.importer;
        const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, namespace: args.namespace, with: args.with, pluginData: OWN_RESOLUTION });
        // esbuild reports what it cannot resolve in its own words
        if (result.errors.length > 0) return undefined;
        try {
          graph.resolved(args.path, importer, result.external || result.namespace !== 'file' ? undefined : result.path);
        } catch (error) {
          return { errors: [{ text: (error as Error).message }] };
        }
        return { path: result.path, external: result.external, namespace: result.namespace, sideEffects: result.sideEffects, suffix: result.suffix, pluginData: result.pluginData };
      });
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (args.namespace !== 'file') return undefined;
        const code = await readFile(args.path, 'utf8');
        try {
          const stub = await graph.load(args.path, code);
          if (stub) return { contents: stub.code, loader: 'js', resolveDir: dirname(args.path), watchFiles: [stub.generatedClient] };
        } catch (error) {
          return { errors: [{ text: (error as Error).message }] };
        }
        // any other module: esbuild loads it with the build's own loaders
        return undefined;
      });
      build.onDispose(() => void graph.close());
    },
  };
}
