import { createHash } from 'node:crypto';
import type ts from 'typescript';
import { isWithin } from './module-paths.js';

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
): { host: ts.CompilerHost; release: () => void } {
  // By name, not through `previous`, so that the first program and its checker can be collected once released.
  const parsed = new Map(previous.getSourceFiles().map((file) => [file.fileName, file]));
  const inside = (path: string): boolean => isWithin(generatedDir, path);
  const wrapped: ts.CompilerHost = Object.create(host);
  wrapped.fileExists = (path) => (inside(path) ? tsApi.sys.fileExists(path) : host.fileExists(path));
  wrapped.readFile = (path) => (inside(path) ? tsApi.sys.readFile(path) : host.readFile(path));
  wrapped.directoryExists = (path) => (inside(path) ? tsApi.sys.directoryExists(path) : (host.directoryExists?.(path) ?? tsApi.sys.directoryExists(path)));
  wrapped.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!inside(fileName)) return parsed.get(fileName) ?? host.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const text = tsApi.sys.readFile(fileName);
    if (text === undefined) return undefined;
    const file = tsApi.createSourceFile(fileName, text, languageVersion, false);
    // Builder programs (--watch, --incremental) tell changed files apart by version.
    (file as ts.SourceFile & { version?: string }).version = tsApi.sys.createHash?.(text) ?? createHash('sha256').update(text).digest('hex');
    return file;
  };
  // Imports of generated files that did not exist before failed to resolve: resolve again.
  wrapped.hasInvalidatedResolutions = () => true;
  return { host: wrapped, release: () => parsed.clear() };
}
