import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { checkOptions, VITE_OPTIONS, type BundlerOptions } from './bundler-options.js';
import { ClientGraph } from './client-graph.js';
import { addScanPlugin } from './vite-dependency-scan.js';

export type { BundlerOptions } from './bundler-options.js';

/** A module id without Vite's query (`?v=…`, `?import`); undefined for virtual modules (`\0…`). */
function fileOf(id: string): string | undefined {
  return id.startsWith('\0') ? undefined : id.split('?')[0];
}

/** Does this hook run for a browser bundle? Vite 6+ names the environment's consumer; `ssr` is the older flag. */
function isClient(environment: { config: { consumer: string } } | undefined, ssr: boolean | undefined): boolean {
  return environment ? environment.config.consumer === 'client' : ssr !== true;
}

/**
 * The Vite plugin: in the client environment (not `ssr`), every 'use server' module becomes stubs of its generated
 * client, and an import of `actionwire/server`, of a module with inline actions or of a `serverOnly` module fails the
 * build (or the dev server's request) naming the import chain. Server environments are left as they are.
 *
 * @example
 * // vite.config.ts
 * import actionwire from 'actionwire/vite';
 * export default { plugins: [actionwire({ tsconfig: 'tsconfig.json' })], server: { proxy: { '/actions': 'http://127.0.0.1:3000' } } };
 */
export default function actionwire(options: BundlerOptions = {}): Plugin {
  checkOptions(options, VITE_OPTIONS);
  let graph: ClientGraph | undefined;
  const graphOf = (root: string): ClientGraph => (graph ??= new ClientGraph(root, options));
  let root = process.cwd();
  const scanView = async (id: string): Promise<string | undefined> => {
    const file = fileOf(id);
    return file === undefined ? undefined : graphOf(root).scanView(file, await readFile(file, 'utf8'));
  };
  return {
    name: 'actionwire',
    enforce: 'pre',
    config(config) {
      // Vite's dependency scan runs none of the app's plugins: it gets one of its own, or it would pre-bundle
      // what 'use server' modules import (Koa, database drivers) for the browser.
      addScanPlugin((config.optimizeDeps ??= {}), (this.meta as { rolldownVersion?: string }).rolldownVersion !== undefined, scanView);
    },
    configResolved(config) {
      root = config.root;
    },
    async configureServer(server) {
      // stubs import the generated client: its rewrites by tspc --watch must reach the module graph
      server.watcher.add(await graphOf(root).generatedClientDirectory());
    },
    async buildStart() {
      await graphOf(root).start();
    },
    async closeBundle() {
      await graphOf(root).close();
    },
    async resolveId(source, importer, resolveOptions) {
      if (!isClient(this.environment, resolveOptions.ssr)) return null;
      const from = importer === undefined ? undefined : fileOf(importer);
      const result = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      const resolved = result && !result.external ? fileOf(result.id) : undefined;
      graphOf(root).resolved(source, from, resolved);
      return result;
    },
    async transform(code, id, transformOptions) {
      if (!isClient(this.environment, transformOptions?.ssr)) return null;
      const file = fileOf(id);
      if (file === undefined) return null;
      const stub = await graphOf(root).load(file, code);
      if (!stub) return null;
      this.addWatchFile(stub.generatedClient);
      return { code: stub.code, map: null };
    },
  };
}
