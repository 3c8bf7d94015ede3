import { createHash } from 'node:crypto';
import { dirname, relative, resolve, sep } from 'node:path';
import type ts from 'typescript';

function insideOf(directory: string): (path: string) => boolean {
  return (path) => {
    const rest = relative(directory, resolve(path));
    return rest === '' || (!rest.startsWith('..') && !rest.startsWith(sep));
  };
}

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
  const inside = insideOf(generatedDir);
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
  const inside = insideOf(generatedDir);
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

function everyGeneratedFileParsed(tsApi: typeof ts, program: ts.Program, generatedDir: string, names: readonly string[]): boolean {
  const parsed = new Set(program.getSourceFiles().map((file) => tsApi.sys.resolvePath(file.fileName)));
  return names.filter((name) => name.endsWith('.ts')).every((name) => parsed.has(tsApi.sys.resolvePath(`${generatedDir}/${name}`)));
}

/**
 * `program` again, holding the generated files as they are on disk now: `names` (relative to
 * `generatedDir`) were just generated, `written` (absolute paths) are those of them that changed.
 * A program created before the write holds the old files, and its diagnostics would be theirs (an
 * index into a removed action: a TS7053 in routes.ts that is not on disk). Removed generated files
 * leave the root names, also when a watcher still lists them a cycle later (TS6053, file not found).
 * When nothing changed and every generated file is already in it, that is `program` itself.
 */
export function programWithGeneratedFiles(
  tsApi: typeof ts,
  program: ts.Program,
  host: ts.CompilerHost | undefined,
  generatedDir: string,
  names: readonly string[],
  written: readonly string[],
): ts.Program {
  const inside = insideOf(generatedDir);
  const roots = program.getRootFileNames();
  const rootNames = roots.filter((name) => !inside(name) || tsApi.sys.fileExists(name));
  if (written.length === 0 && rootNames.length === roots.length && everyGeneratedFileParsed(tsApi, program, generatedDir, names)) return program;
  const known = new Set(rootNames.map((name) => tsApi.sys.resolvePath(name)));
  for (const name of names) {
    const path = tsApi.sys.resolvePath(`${generatedDir}/${name}`);
    if (name.endsWith('.ts') && !known.has(path)) rootNames.push(path);
  }
  const options = program.getCompilerOptions();
  const baseHost = host ?? tsApi.createCompilerHost(options);
  resolveGeneratedImportsFromDisk(tsApi, baseHost, generatedDir);
  const generatedHost = hostSeeingGeneratedFiles(tsApi, baseHost, generatedDir, program);
  const next = tsApi.createProgram({
    rootNames,
    options,
    host: generatedHost.host,
    // No oldProgram: the host already hands over its parsed files, and the first checker can be collected.
    oldProgram: undefined,
    configFileParsingDiagnostics: program.getConfigFileParsingDiagnostics(),
    projectReferences: program.getProjectReferences(),
  });
  generatedHost.release();
  return next;
}
