import type ts from 'typescript';
import type { ProgramAnalysis } from '../transformer/analysis/analyze.js';
import { ConfigError } from '../transformer/analysis/config/plugin-config.js';
import type { AnalysisIssue } from '../transformer/analysis/issues.js';
import { staleFiles, writeGeneratedFiles } from '../transformer/output/write.js';
import { generatedDirFiles, generatedOutputs, serverLayout, writeOutputs } from '../transformer/output/generated-output.js';

/** One analysis of the project, by whichever compiler the project uses, and how that compiler prints problems. */
interface AnalysisRun {
  analysis: ProgramAnalysis;
  /** prints the issues as the project's compiler prints its diagnostics (file:line:col) */
  report(issues: readonly AnalysisIssue[]): void;
}

/** What a run needs from the project's compiler beside the analysis. */
export interface RunCompiler {
  analyze(): AnalysisRun;
  /** prints problems of the plugin entry (no file) */
  reportConfig(problems: readonly string[]): void;
  /** the compiler options its build emits with, and the module format it emits a script at a path in */
  outputOptions(): ts.CompilerOptions;
  emitsCommonJs(path: string): boolean;
}

/** What one run did: its exit code, its errors, and the generated files it wrote (none when it only checked or found errors). */
export interface RunResult {
  code: number;
  /** the errors it reported (configuration problems included) */
  errors: number;
  generated?: { directory: string; names: string[]; written: string[] };
}

/**
 * Analyzes and writes (or checks). Warnings never change the exit code unless `warningsAsErrors` is set.
 * The generated client's scripts also go to the outDir, in the module format the build emits there, since the
 * build only compiles routes.ts.
 */
export function runOnce(compiler: RunCompiler, check: boolean): RunResult {
  let run: AnalysisRun;
  try {
    run = compiler.analyze();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    compiler.reportConfig(error.problems);
    return { code: 1, errors: error.problems.length };
  }
  const { analysis } = run;
  if (analysis.config.mode === 'client') {
    console.error(`this tsconfig is a client build ("mode": "client"): it generates nothing. Run actionwire generate on the server build's tsconfig, then compile this one with tspc`);
    return { code: 2, errors: 1 };
  }
  const asErrors = analysis.config.warningsAsErrors;
  run.report(analysis.issues.map((issue) => (asErrors ? { ...issue, severity: 'error' } : issue)));
  const errors = analysis.issues.filter((issue) => asErrors || issue.severity === 'error').length;
  if (errors > 0) return { code: 1, errors };
  const directory = analysis.config.generatedDir;
  const layout = serverLayout(analysis.config.rootDir, directory, compiler.outputOptions(), (path) => compiler.emitsCommonJs(path), analysis.model);
  const files = generatedDirFiles(layout, analysis.model);
  if (check) {
    const stale = staleFiles(directory, files);
    stale.forEach((file) => console.error(`stale: ${file}`));
    if (stale.length > 0) console.error('run `actionwire generate` (or tspc) to update them');
    return { code: stale.length > 0 ? 1 : 0, errors: 0 };
  }
  const result = writeGeneratedFiles(directory, files);
  writeOutputs(generatedOutputs(layout, files));
  console.log(
    `actionwire: ${analysis.model.actions.length} actions; ${result.written.length} files written, ${result.unchanged.length} unchanged, ${result.removed.length} removed (${directory})`,
  );
  return { code: 0, errors: 0, generated: { directory, names: [...files.keys()], written: result.written } };
}
