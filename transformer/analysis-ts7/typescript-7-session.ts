import { resolve } from 'node:path';
import ts6 from 'typescript';
import type * as Sync from 'typescript-7/unstable/sync';
import { analyzeProgram, type AnalysisOptions, type ProgramAnalysis } from '../analysis/analyze.js';
import { isWithin } from '../analysis/names/module-paths.js';
import { CheckerView } from './checker-view.js';
import { syntaxNamespace } from './syntax-namespace.js';
import type { TypeScript7 } from './typescript-7-modules.js';

/** One analysis on TypeScript 7, with the source files its issues point into (as TypeScript 6 files, for formatting). */
export interface TypeScript7Analysis {
  analysis: ProgramAnalysis;
  /** a file of the program, parsed by TypeScript 6 from its text, so that its issues print with file:line:col */
  sourceFile(fileName: string): ts6.SourceFile | undefined;
}

/**
 * The project's TypeScript 7 compiler, started once (one process, over IPC) for one tsconfig.json: each
 * `analyze` reads a new snapshot of the project. The generated files are read as empty modules, as the
 * TypeScript 6 path of `actionwire generate` reads them: the analysis reads the project's own files only.
 */
export class TypeScript7Session {
  private readonly api: Sync.API;
  private snapshot: Sync.Snapshot | undefined;

  constructor(
    private readonly typescript: TypeScript7,
    private readonly projectFile: string,
    generatedDir: string,
  ) {
    const emptyModule = (fileName: string): string | undefined => (/\.[cm]?tsx?$/.test(fileName) && !fileName.endsWith('.d.ts') && isWithin(generatedDir, resolve(fileName)) ? 'export {};\n' : undefined);
    this.api = new typescript.sync.API({ cwd: process.cwd(), fs: { readFile: emptyModule } });
  }

  /**
   * Analyzes the project as it is on disk now. `compilerOptions`: the tsconfig's options as TypeScript 6 parses
   * them (the same numbers and paths as on the TypeScript 6 path). `changed`: files changed since the last call.
   */
  analyze(pluginEntry: Record<string, unknown>, compilerOptions: ts6.CompilerOptions, options: AnalysisOptions, changed?: readonly string[]): TypeScript7Analysis {
    const previous = this.snapshot;
    this.snapshot = this.api.updateSnapshot(previous ? { openProjects: [this.projectFile], fileChanges: changed ? { changed: [...changed] } : { invalidateAll: true } } : { openProjects: [this.projectFile] });
    previous?.dispose();
    const project = this.snapshot.getProject(this.projectFile);
    if (!project) throw new Error(`TypeScript ${this.typescript.version} did not load the project ${this.projectFile}`);
    const checker = new CheckerView(this.typescript, project.checker, project);
    const files = project.program
      .getSourceFileNames()
      .filter((name) => !/\.d\.[cm]?ts$/.test(name) && !/[\\/]node_modules[\\/]/.test(name))
      .flatMap((name) => project.program.getSourceFile(name) ?? []);
    // The members of ts.Program that analyzeProgram calls; it skips declaration files and dependencies, so only the project's own files are fetched.
    const program = {
      getCompilerOptions: () => compilerOptions,
      getCurrentDirectory: () => process.cwd(),
      getTypeChecker: () => checker,
      getSourceFiles: () => files,
    };
    // The analysis is written against TypeScript 6's API; the views above give it the members it reads (tests/analysis-ts7 compares the two).
    const analysis = analyzeProgram(syntaxNamespace(this.typescript) as unknown as typeof ts6, program as unknown as ts6.Program, pluginEntry, options);
    const parsed = new Map<string, ts6.SourceFile>();
    return {
      analysis,
      sourceFile: (fileName) => {
        const known = parsed.get(fileName);
        if (known) return known;
        const text = files.find((file) => file.fileName === fileName)?.text;
        if (text === undefined) return undefined;
        const file = ts6.createSourceFile(fileName, text, ts6.ScriptTarget.Latest);
        parsed.set(fileName, file);
        return file;
      },
    };
  }

  close(): void {
    this.snapshot?.dispose();
    this.api.close();
  }
}
