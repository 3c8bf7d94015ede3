import type ts from 'typescript';
import type { ProgramAnalysis } from '../analysis/analyze.js';
import { isWithin } from '../analysis/names/module-paths.js';
import { typeFingerprint } from '../analysis/type-fingerprint.js';

interface Previous {
  /** the source files the analysis read, by name */
  files: ReadonlyMap<string, ts.SourceFile>;
  /** fingerprints of those files, computed when first needed */
  fingerprints: Map<string, string>;
  settings: string;
  analysis: ProgramAnalysis;
  /** the generated files by name (relative to generatedDir), written again if they changed on disk */
  generated: ReadonlyMap<string, string>;
}

/**
 * Watch rebuilds: the previous analysis of a project, kept while the program changes in ways that cannot
 * change any action (an edited function body whose return type is declared, a comment…). Without this, a
 * rebuild after any edit re-analyzed every action through a fresh checker: seconds at 2,000 actions.
 */
export class AnalysisReuse {
  private readonly previous = new Map<string, Previous>();

  constructor(private readonly tsApi: typeof ts) {}

  /** The previous analysis of this project and the files it generated, if the program `program` gives the same one. */
  reusable(key: string, settings: string, program: ts.Program): { analysis: ProgramAnalysis; generated: ReadonlyMap<string, string> } | undefined {
    const previous = this.previous.get(key);
    if (!previous || previous.settings !== settings) return undefined;
    const generatedDir = previous.analysis.config.generatedDir;
    const files = program.getSourceFiles();
    // The generated files, and the declaration files only they import (ky's, Koa's), come and go with the
    // watcher noticing generatedDir: only the user's own sources, their declaration files included (a
    // `.d.ts` may add members to an action's types), must be the same set.
    const isOwn = (file: ts.SourceFile): boolean => !isWithin(generatedDir, file.fileName) && !isPackageFile(program, file);
    const ownSources = (list: Iterable<ts.SourceFile>): number => [...list].filter(isOwn).length;
    if (ownSources(files) !== ownSources(previous.files.values())) return undefined;
    const issueFiles = new Set(previous.analysis.issues.map((issue) => issue.fileName));
    for (const file of files) {
      const before = previous.files.get(file.fileName);
      if (before === file || before?.text === file.text) continue;
      // a generated file edited or removed by hand is written again from the kept content
      if (!isOwn(file)) continue;
      // inline actions are hoisted by their position in the file
      if (!before || issueFiles.has(file.fileName) || previous.analysis.hoists.has(file.fileName)) return undefined;
      if (this.fingerprint(previous, before) !== typeFingerprint(this.tsApi, file)) return undefined;
    }
    // the next comparison is against this program's files (their fingerprints are the same)
    this.previous.set(key, { ...previous, files: new Map(files.map((file) => [file.fileName, file])) });
    return { analysis: previous.analysis, generated: previous.generated };
  }

  /** Keeps an analysis and the program it read (as the watcher made it: what the next rebuild's program is compared with). */
  remember(key: string, settings: string, program: ts.Program, analysis: ProgramAnalysis, generated: ReadonlyMap<string, string>): void {
    this.previous.set(key, { files: new Map(program.getSourceFiles().map((file) => [file.fileName, file])), fingerprints: new Map(), settings, analysis, generated });
  }

  private fingerprint(previous: Previous, file: ts.SourceFile): string {
    let fingerprint = previous.fingerprints.get(file.fileName);
    if (fingerprint === undefined) {
      fingerprint = typeFingerprint(this.tsApi, file);
      previous.fingerprints.set(file.fileName, fingerprint);
    }
    return fingerprint;
  }
}

/** A file of TypeScript's own libraries or of a package (found in node_modules), not of the project. */
function isPackageFile(program: ts.Program, file: ts.SourceFile): boolean {
  return program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file) || /[\\/]node_modules[\\/]/.test(file.fileName);
}
