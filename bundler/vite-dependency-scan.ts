import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { DepOptimizationOptions } from 'vite';

const SCRIPT = /\.[cm]?[jt]sx?$/;

/** What the scan reads of a module instead of its text (a 'use server' module's stub), or undefined for its text. */
type ScanView = (id: string) => Promise<string | undefined>;

/**
 * Vite pre-bundles the dependencies it finds by scanning the app's sources with none of the app's plugins. This
 * adds one to the scan (rolldown's from Vite 8, esbuild's before) that shows it each 'use server' module as its
 * stub, so the server module's imports are never pre-bundled for the browser.
 */
export function addScanPlugin(optimizeDeps: DepOptimizationOptions, rolldown: boolean, view: ScanView): void {
  if (rolldown) {
    const rolldownOptions = (optimizeDeps.rolldownOptions ??= {});
    const load = async (id: string): Promise<{ code: string; moduleType: 'js' } | null> => {
      const code = SCRIPT.test(id.split('?')[0]) ? await view(id) : undefined;
      return code === undefined ? null : { code, moduleType: 'js' };
    };
    rolldownOptions.plugins = [{ name: 'actionwire:scan', load }, ...[rolldownOptions.plugins ?? []].flat()];
    return;
  }
  const esbuildOptions = (optimizeDeps.esbuildOptions ??= {});
  const plugin: EsbuildPlugin = {
    name: 'actionwire:scan',
    setup(build) {
      build.onLoad({ filter: SCRIPT }, async (args) => {
        const contents = await view(args.path);
        return contents === undefined ? undefined : { contents, loader: 'js' };
      });
    },
  };
  esbuildOptions.plugins = [plugin, ...(esbuildOptions.plugins ?? [])];
}
