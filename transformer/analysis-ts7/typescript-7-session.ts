import { resolve } from 'node:path';
import type ts from 'typescript';
import type * as Ast from 'typescript-7/unstable/ast';
import type * as Sync from 'typescript-7/unstable/sync';
import { analyzeProgram, type AnalysisOptions, type ProgramAnalysis } from '../analysis/analyze.js';
import { isWithin } from '../analysis/names/module-paths.js';
import { CheckerView } from './checker-view.js';
import { RequestPipeline } from './pipelined-requests.js';
import { prefetchActionTypes } from './prefetch.js';
import { syntaxNamespace } from './syntax-namespace.js';
import type { TypeScript7 } from './typescript-7-modules.js';

/** One analysis on TypeScript 7, with the project's own source files its issues point into. */
export interface TypeScript7Analysis {
  analysis: ProgramAnalysis;
  /** the compiler options as TypeScript 7 read them (TypeScript 6's names and numbers, absolute paths) */
  compilerOptions: ts.CompilerOptions;
  sourceFile(fileName: string): Ast.SourceFile | undefined;
}

/**
 * The project's TypeScript 7 compiler, started once (one process, over IPC) for one tsconfig.json: each
 * `analyze` reads a new snapshot of the project. The generated files are read as empty modules, as the
 * TypeScript 6 path of `actionwire generate` reads them: the analysis reads the project's own files only.
 */
export class TypeScript7Session {
  private readonly api: Sync.API;
  private readonly pipeline: RequestPipeline;
  private snapshot: Sync.Snapshot | undefined;
  private generatedDir: string | undefined;

  constructor(
    private readonly typescript: TypeScript7,
    private readonly projectFile: string,
  ) {
    const emptyModule = (fileName: string): string | undefined =>
      this.generatedDir !== undefined && /\.[cm]?tsx?$/.test(fileName) && !/\.d\.[cm]?ts$/.test(fileName) && isWithin(this.generatedDir, resolve(fileName)) ? 'export {};\n' : undefined;
    this.api = new typescript.sync.API({ cwd: process.cwd(), fs: { readFile: emptyModule } });
    this.pipeline = RequestPipeline.of(this.api);
  }

  /** The tsconfig's compiler options as TypeScript 7 reads them (`plugins` left out: TypeScript 7 drops them). */
  compilerOptions(): ts.CompilerOptions {
    return this.api.parseConfigFile(this.projectFile).options as ts.CompilerOptions;
  }

  /**
   * Analyzes the project as it is on disk now, its files in `generatedDir` read as empty modules. `changed`:
   * the files changed since the last call (all of them are read again without it).
   */
  analyze(pluginEntry: Record<string, unknown>, generatedDir: string, options: AnalysisOptions, changed?: readonly string[]): TypeScript7Analysis {
    this.generatedDir = generatedDir;
    const previous = this.snapshot;
    this.snapshot = this.api.updateSnapshot(previous ? { openProjects: [this.projectFile], fileChanges: changed ? { changed: [...changed] } : { invalidateAll: true } } : { openProjects: [this.projectFile] });
    previous?.dispose();
    const project = this.snapshot.getProject(this.projectFile);
    if (!project) throw new Error(`TypeScript ${this.typescript.version} did not load the project ${this.projectFile}`);
    const compilerOptions = project.compilerOptions as ts.CompilerOptions;
    const checker = new CheckerView(this.typescript, project.checker, project);
    const names = project.program.getSourceFileNames().filter((name) => !/\.d\.[cm]?ts$/.test(name) && !/[\\/]node_modules[\\/]/.test(name));
    // the project's syntax trees, fetched together; the program keeps them for this snapshot
    this.pipeline.run(names.map((name) => () => (project.program.getSourceFile(name), [])));
    const files = names.flatMap((name) => project.program.getSourceFile(name) ?? []);
    prefetchActionTypes(checker, this.pipeline, files);
    // The members of ts.Program that analyzeProgram calls; it skips declaration files and dependencies, so only the project's own files are fetched.
    const program = {
      getCompilerOptions: () => compilerOptions,
      getCurrentDirectory: () => process.cwd(),
      getTypeChecker: () => checker,
      getSourceFiles: () => files,
    };
    // The analysis is written against TypeScript 6's API; the views give it the members it reads (tests/analysis-ts7 compares the two).
    const analysis = analyzeProgram(syntaxNamespace(this.typescript) as unknown as typeof ts, program as unknown as ts.Program, pluginEntry, options);
    return { analysis, compilerOptions, sourceFile: (fileName) => files.find((file) => file.fileName === fileName) };
  }

  close(): void {
    this.snapshot?.dispose();
    this.api.close();
  }
}
