import { createHash } from 'node:crypto';
import type ts from 'typescript';
import { readCached } from '../output/file-cache.js';
import { isWithin } from '../analysis/names/module-paths.js';

/**
 * Generated files (and the library declaration files only they import) parsed by an earlier program of this
 * process, by name: a watch rebuild whose generated files did not change takes them as they are (parsed and
 * bound) instead of parsing 2 MB again.
 */
const parsedGenerated = new Map<string, { text: string; settings: string; file: ts.SourceFile }>();

/**
 * The host for the program that adds the generated files. tsc's compiler host caches `fileExists`,
 * `directoryExists` and `readFile`, so files written after the first program was created would stay
 * missing: the generated directory is read from disk. Every other file is taken as the first
 * program parsed and bound it (nothing can have changed in between), so nothing is parsed twice.
 */
export function hostSeeingGeneratedFiles(
  tsApi: typeof ts,
  host: ts.CompilerHost,
  generatedDir: string,
  previous: ts.Program,
  resolveEverythingAgain: boolean,
): { host: ts.CompilerHost; release: () => void } {
  // By name, not through `previous`, so that the first program and its checker can be collected once released.
  const parsed = new Map(previous.getSourceFiles().map((file) => [file.fileName, file]));
  const inside = (path: string): boolean => isWithin(generatedDir, path);
  const wrapped: ts.CompilerHost = Object.create(host);
  wrapped.fileExists = (path) => (inside(path) ? tsApi.sys.fileExists(path) : host.fileExists(path));
  wrapped.readFile = (path) => (inside(path) ? readCached(path) : host.readFile(path));
  wrapped.directoryExists = (path) => (inside(path) ? tsApi.sys.directoryExists(path) : (host.directoryExists?.(path) ?? tsApi.sys.directoryExists(path)));
  wrapped.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const known = inside(fileName) ? undefined : parsed.get(fileName);
    if (known) return known;
    // the declaration files only generated files import (ky's, Koa's) are not the watcher's: kept here
    if (!inside(fileName) && !(fileName.endsWith('.d.ts') && /[\\/]node_modules[\\/]/.test(fileName))) return host.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const text = readCached(fileName);
    if (text === undefined) {
      parsedGenerated.delete(fileName);
      return undefined;
    }
    const settings = JSON.stringify(languageVersion);
    const kept = parsedGenerated.get(fileName);
    if (kept && kept.text === text && kept.settings === settings) return kept.file;
    const file = tsApi.createSourceFile(fileName, text, languageVersion, false);
    // Builder programs (--watch, --incremental) tell changed files apart by version.
    (file as ts.SourceFile & { version?: string }).version = tsApi.sys.createHash?.(text) ?? createHash('sha256').update(text).digest('hex');
    parsedGenerated.set(fileName, { text, settings, file });
    return file;
  };
  // Reusing an old program's structure asks by path: the same answers.
  wrapped.getSourceFileByPath = (fileName, _path, languageVersion, onError, shouldCreate) => wrapped.getSourceFile(fileName, languageVersion, onError, shouldCreate);
  // Imports of generated files that did not exist before failed to resolve: resolve again (the generated
  // files' own imports always, everything when generated files are new).
  wrapped.hasInvalidatedResolutions = (path) => resolveEverythingAgain || inside(path);
  return { host: wrapped, release: () => parsed.clear() };
}
