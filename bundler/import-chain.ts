import { isAbsolute, relative } from 'node:path';
import { toPosix } from '../transformer/analysis/names/module-paths.js';

/**
 * Who imported what, as the bundler resolves it: the first importer of each module, so an error can name
 * the chain from an entry to the module at fault.
 */
export class ImportChains {
  private readonly importers = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** `importer` (undefined for an entry) imports `imported` (a resolved path, or a bare specifier) */
  record(importer: string | undefined, imported: string): void {
    if (importer !== undefined && importer !== imported && !this.importers.has(imported)) this.importers.set(imported, importer);
  }

  clear(): void {
    this.importers.clear();
  }

  /** `src/web/main.ts → src/web/api.ts → actionwire/server`: paths relative to the root. */
  describe(module: string, importer?: string): string {
    const chain = [module];
    const seen = new Set(chain);
    for (let current = importer ?? this.importers.get(module); current !== undefined && !seen.has(current); current = this.importers.get(current)) {
      chain.unshift(current);
      seen.add(current);
    }
    return chain.map((id) => this.display(id)).join(' → ');
  }

  private display(id: string): string {
    return isAbsolute(id) ? toPosix(relative(this.root, id)) : id;
  }
}
