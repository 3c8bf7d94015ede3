import { dirname, join, relative, resolve } from 'node:path';
import type ts from 'typescript';
import { readCached } from '../output/file-cache.js';
import { isWithin, toPosix } from '../analysis/names/module-paths.js';

/**
 * The generated client's scripts that a client build needs, with their declarations (by path relative to
 * `generatedDir`, as on disk): the scripts of `needed` (`client/<moduleId>.js`…) and every generated script
 * they import, such as `_references.js`, or each module's for `index.js`.
 */
export function clientScripts(tsApi: typeof ts, generatedDir: string, needed: Iterable<string>): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [...needed];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (files.has(name)) continue;
    const script = readCached(join(generatedDir, name));
    if (script === undefined) continue;
    files.set(name, script);
    const declarations = readCached(join(generatedDir, name.replace(/\.js$/, '.d.ts')));
    if (declarations !== undefined) files.set(name.replace(/\.js$/, '.d.ts'), declarations);
    for (const imported of tsApi.preProcessFile(script, true, false).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const path = resolve(dirname(join(generatedDir, name)), imported.fileName);
      if (isWithin(generatedDir, path)) pending.push(toPosix(relative(generatedDir, path)).replace(/(\.js)?$/, '.js'));
    }
  }
  const types = readCached(join(generatedDir, 'client', '_types.d.ts'));
  if (types !== undefined && files.size > 0) files.set('client/_types.d.ts', types);
  return files;
}
