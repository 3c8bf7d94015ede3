import { dirname } from 'node:path';
import ts from 'typescript';
import { analyzeProgram } from '../../transformer/analysis/analyze.js';
import type { Model } from '../../model/model.js';
import type { IssueCode } from '../../transformer/analysis/issues.js';

/** Where fixture projects live: a directory that is not on disk, so that nothing is read from or written to it. */
const VIRTUAL_ROOT = '/virtual';

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/** TypeScript's lib files, parsed once per test file and shared by every program (as a language service does). */
const libraryFiles = new Map<string, ts.SourceFile>();
const realHost = ts.createCompilerHost(options);

function libraryFile(fileName: string, version: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
  const cached = libraryFiles.get(fileName);
  if (cached) return cached;
  const file = realHost.getSourceFile(fileName, version);
  if (file) libraryFiles.set(fileName, file);
  return file;
}

/** A compiler host over in-memory files below one project directory; TypeScript's own lib files come from disk. */
function virtualHost(projectDir: string, files: ReadonlyMap<string, string>): ts.CompilerHost {
  const directories = new Set<string>();
  for (const name of files.keys()) {
    for (let directory = dirname(name); directory !== dirname(directory); directory = dirname(directory)) directories.add(directory);
  }
  const isVirtual = (path: string): boolean => path === VIRTUAL_ROOT || path.startsWith(`${VIRTUAL_ROOT}/`);
  return {
    ...realHost,
    getCurrentDirectory: () => projectDir,
    fileExists: (path) => (isVirtual(path) ? files.has(path) : realHost.fileExists(path)),
    readFile: (path) => (isVirtual(path) ? files.get(path) : realHost.readFile(path)),
    directoryExists: (path) => (isVirtual(path) ? directories.has(path) : (realHost.directoryExists?.(path) ?? false)),
    getDirectories: () => [],
    realpath: (path) => path,
    getSourceFile: (fileName, version) => {
      if (!isVirtual(fileName)) return libraryFile(fileName, version);
      const text = files.get(fileName);
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, version, true);
    },
    writeFile: () => {
      throw new Error('an analysis test program writes nothing');
    },
  };
}

/** An issue as a golden file shows it: where (relative to the project), what, and how bad. */
interface IssueSummary {
  file: string;
  line: number;
  column: number;
  code: IssueCode;
  severity: 'error' | 'warning';
  message: string;
}

export interface AnalysisSummary {
  model: Model;
  issues: IssueSummary[];
}

/** More keys of the plugin entry (`basePath`, `title`, …); `transform` and `transformProgram` are always there. */
export type PluginOptions = Record<string, unknown>;

/** es2022 has Date, Map, Set and Uint8Array; the DOM adds FormData, Blob and File (and a second to parse it). */
export interface FixtureOptions {
  dom?: boolean;
}

export interface FixtureProgram {
  program: ts.Program;
  projectDir: string;
}

/**
 * A Program over a project made of `sources` (paths relative to the project directory, e.g.
 * `src/actions.ts`), in memory: `rootDir` `src`, ES modules resolved as Node does.
 */
export function fixtureProgram(name: string, sources: Record<string, string>, { dom = false }: FixtureOptions = {}): FixtureProgram {
  const projectDir = `${VIRTUAL_ROOT}/${name}`;
  const files = new Map(Object.entries(sources).map(([path, text]) => [`${projectDir}/${path}`, text]));
  files.set(`${projectDir}/package.json`, JSON.stringify({ name, type: 'module' }));
  const rootNames = [...files.keys()].filter((path) => /\.[cm]?tsx?$/.test(path));
  const program = ts.createProgram({ rootNames, options: { ...options, lib: dom ? ['lib.es2022.d.ts', 'lib.dom.d.ts'] : ['lib.es2022.d.ts'], rootDir: `${projectDir}/src` }, host: virtualHost(projectDir, files) });
  return { program, projectDir };
}

/** `analyzeProgram` on the fixture, its issues located by file (relative to the project), line and column. */
export function analyzeFixture({ program, projectDir }: FixtureProgram, plugin: PluginOptions = {}): AnalysisSummary {
  const { model, issues } = analyzeProgram(ts, program, { transform: 'actionwire/transformer', transformProgram: true, ...plugin });
  return {
    model,
    issues: issues.map((issue) => {
      const file = program.getSourceFile(issue.fileName);
      const { line, character } = file ? file.getLineAndCharacterOfPosition(issue.start) : { line: -1, character: -1 };
      const relativeName = issue.fileName.startsWith(`${projectDir}/`) ? issue.fileName.slice(projectDir.length + 1) : issue.fileName;
      return { file: relativeName, line: line + 1, column: character + 1, code: issue.code, severity: issue.severity, message: issue.message };
    }),
  };
}

/** TypeScript's own errors in the fixture (a typo in a test source would make its golden file meaningless). */
export function typeErrors({ program }: FixtureProgram): string[] {
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const at = diagnostic.file && where ? `${diagnostic.file.fileName}(${where.line + 1},${where.character + 1}): ` : '';
    return `${at}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}
