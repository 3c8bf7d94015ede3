import type ts from 'typescript';
import { hostSeeingGeneratedFiles } from './generated-host.js';
import { resolveGeneratedImportsFromDisk } from './generated-imports.js';
import { isWithin } from '../analysis/names/module-paths.js';

/**
 * The generated files the program compiles (routes.ts). The client's declarations are not roots: a program
 * reads them only when the project's code imports the client.
 */
function isCompiledSource(name: string): boolean {
  return name.endsWith('.ts') && !name.endsWith('.d.ts');
}

function everyGeneratedFileParsed(tsApi: typeof ts, program: ts.Program, generatedDir: string, names: readonly string[], isRoot: (name: string) => boolean): boolean {
  const parsed = new Set(program.getSourceFiles().map((file) => tsApi.sys.resolvePath(file.fileName)));
  return names.filter(isRoot).every((name) => parsed.has(tsApi.sys.resolvePath(`${generatedDir}/${name}`)));
}

/**
 * `program` again, holding the generated files as they are on disk now: `names` (relative to
 * `generatedDir`) were just generated, `written` (absolute paths) are those of them that changed, and those
 * that `isRoot` accepts become root files.
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
  isRoot: (name: string) => boolean = isCompiledSource,
): ts.Program {
  const inside = (path: string): boolean => isWithin(generatedDir, path);
  const roots = program.getRootFileNames();
  // The client's scripts are not compiled: with allowJs a project's include would take them as inputs (and, without an
  // outDir, refuse to overwrite them with their own output, TS5055); its imports of them resolve to the declarations.
  const rootNames = roots.filter((name) => !inside(name) || (!/\.[cm]?js$/.test(name) && tsApi.sys.fileExists(name)));
  if (written.length === 0 && rootNames.length === roots.length && everyGeneratedFileParsed(tsApi, program, generatedDir, names, isRoot)) return program;
  const known = new Set(rootNames.map((name) => tsApi.sys.resolvePath(name)));
  for (const name of names) {
    const path = tsApi.sys.resolvePath(`${generatedDir}/${name}`);
    if (isRoot(name) && !known.has(path)) rootNames.push(path);
  }
  const options = program.getCompilerOptions();
  const baseHost = host ?? tsApi.createCompilerHost(options);
  resolveGeneratedImportsFromDisk(tsApi, baseHost, generatedDir);
  // The program this made for the previous build of the same project (a watch rebuild): its structure, module
  // resolutions included, is reused where nothing changed. Any generated file new to it resolves every import again.
  const previous = previousPrograms.get(generatedDir);
  const oldProgram = previous && rootNames.every((name) => previous.getSourceFile(name) !== undefined) ? previous : undefined;
  const generatedHost = hostSeeingGeneratedFiles(tsApi, baseHost, generatedDir, program, oldProgram === undefined);
  const next = tsApi.createProgram({
    rootNames,
    options,
    host: generatedHost.host,
    oldProgram,
    configFileParsingDiagnostics: program.getConfigFileParsingDiagnostics(),
    projectReferences: program.getProjectReferences(),
  });
  generatedHost.release();
  previousPrograms.set(generatedDir, next);
  return next;
}

const previousPrograms = new Map<string, ts.Program>();
