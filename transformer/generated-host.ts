import { relative, resolve, sep } from 'node:path';
import type ts from 'typescript';

/**
 * tsc's compiler host caches `fileExists`, `directoryExists` and `readFile`, so files written after the
 * first program was created would stay missing. This host reads the generated directory from disk.
 */
export function hostSeeingGeneratedFiles(tsApi: typeof ts, host: ts.CompilerHost, generatedDir: string): ts.CompilerHost {
  const inside = (path: string): boolean => {
    const rest = relative(generatedDir, resolve(path));
    return rest === '' || (!rest.startsWith('..') && !rest.startsWith(sep));
  };
  const wrapped: ts.CompilerHost = Object.create(host);
  wrapped.fileExists = (path) => (inside(path) ? tsApi.sys.fileExists(path) : host.fileExists(path));
  wrapped.readFile = (path) => (inside(path) ? tsApi.sys.readFile(path) : host.readFile(path));
  wrapped.directoryExists = (path) => (inside(path) ? tsApi.sys.directoryExists(path) : (host.directoryExists?.(path) ?? tsApi.sys.directoryExists(path)));
  wrapped.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!inside(fileName)) return host.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const text = tsApi.sys.readFile(fileName);
    return text === undefined ? undefined : tsApi.createSourceFile(fileName, text, languageVersion, false);
  };
  return wrapped;
}
