import { dirname, resolve } from 'node:path';
import type ts from 'typescript';
import { isWithin } from '../analysis/names/module-paths.js';

const resolvingFromDisk = new WeakSet<ts.CompilerHost>();

/**
 * Makes `host` resolve imports of generated files against the disk. A watcher's host caches
 * resolutions, failed ones too, and hears of new files only through file system events, which
 * arrive after the cycle that wrote them: an import of a client file generated in this cycle
 * (`./generated/client/more.js`, the generated index's own `./more.js`) would fail for a cycle or
 * two, and one of a removed file would still point at it. Only relative imports that land in the
 * generated directory are resolved again, and only when the host's answer is missing or gone.
 * Hosts without a resolver of their own (tsc's, outside --watch) resolve through `fileExists`.
 */
export function resolveGeneratedImportsFromDisk(tsApi: typeof ts, host: ts.CompilerHost, generatedDir: string): void {
  const resolveLiterals = host.resolveModuleNameLiterals;
  if (resolveLiterals === undefined || resolvingFromDisk.has(host)) return;
  resolvingFromDisk.add(host);
  const inside = (path: string): boolean => isWithin(generatedDir, path);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, containingSourceFile, reused) =>
    resolveLiterals.call(host, literals, containingFile, redirected, options, containingSourceFile, reused).map((result, index) => {
      const literal = literals[index];
      if (literal === undefined || !literal.text.startsWith('.') || !inside(resolve(dirname(containingFile), literal.text))) return result;
      const resolved = result.resolvedModule?.resolvedFileName;
      if (resolved !== undefined && (!inside(resolved) || tsApi.sys.fileExists(resolved))) return result;
      const mode = tsApi.getModeForUsageLocation(containingSourceFile, literal, options);
      return tsApi.resolveModuleName(literal.text, containingFile, options, tsApi.sys, undefined, redirected, mode);
    });
}
