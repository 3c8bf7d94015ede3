import type ts from 'typescript';
import { configDiagnostic, toDiagnostic, type AnalysisIssue } from '../analysis/issues.js';

/**
 * A program transformer has no `addDiagnostic`: our errors join the program's semantic
 * diagnostics instead, so `tspc` prints them with file:line:col, exits non-zero, and
 * `noEmitOnError` holds back the output.
 *
 * Warnings must not go that way: tsc counts every diagnostic of the program, whatever its
 * category, for its exit code and for `noEmitOnError`. They are printed here, as tsc prints
 * diagnostics, and leave the build alone — unless `warningsAsErrors` makes them errors.
 */
export function withDiagnostics(tsApi: typeof ts, program: ts.Program, issues: AnalysisIssue[], warningsAsErrors: boolean): ts.Program {
  const failing = warningsAsErrors ? issues.map((issue): AnalysisIssue => ({ ...issue, severity: 'error' })) : issues.filter((issue) => issue.severity === 'error');
  if (!warningsAsErrors) printWarnings(tsApi, program, issues.filter((issue) => issue.severity === 'warning'));
  if (failing.length === 0) return program;
  const diagnosticsFor = (sourceFile: ts.SourceFile | undefined): ts.Diagnostic[] => {
    const selected = sourceFile ? failing.filter((issue) => tsApi.sys.resolvePath(issue.fileName) === tsApi.sys.resolvePath(sourceFile.fileName)) : failing;
    return selected.map((issue) => toDiagnostic(tsApi, issue, program.getSourceFile(issue.fileName)));
  };
  const semantic = program.getSemanticDiagnostics.bind(program);
  program.getSemanticDiagnostics = (sourceFile, token) => [...semantic(sourceFile, token), ...diagnosticsFor(sourceFile)];
  const withBindAndCheck = program as ts.Program & { getBindAndCheckDiagnostics?: (sourceFile?: ts.SourceFile, token?: ts.CancellationToken) => readonly ts.Diagnostic[] };
  const bindAndCheck = withBindAndCheck.getBindAndCheckDiagnostics?.bind(program);
  if (bindAndCheck) {
    withBindAndCheck.getBindAndCheckDiagnostics = (sourceFile, token) => [...bindAndCheck(sourceFile, token), ...diagnosticsFor(sourceFile)];
  }
  return program;
}

/** Prints warnings the way tsc prints diagnostics (`file(line,col): warning TS93004: …`, or its pretty form). */
function printWarnings(tsApi: typeof ts, program: ts.Program, warnings: AnalysisIssue[]): void {
  if (warnings.length === 0) return;
  const diagnostics = warnings.map((issue) => toDiagnostic(tsApi, issue, program.getSourceFile(issue.fileName)));
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => program.getCurrentDirectory(),
    getNewLine: () => tsApi.sys.newLine,
  };
  const pretty = program.getCompilerOptions().pretty ?? tsApi.sys.writeOutputIsTTY?.() ?? false;
  tsApi.sys.write(pretty ? `${tsApi.formatDiagnosticsWithColorAndContext(diagnostics, host)}${tsApi.sys.newLine}` : tsApi.formatDiagnostics(diagnostics, host));
}

/** Problems with the plugin entry itself: global errors, so the build fails without touching any file. */
export function withConfigErrors(tsApi: typeof ts, program: ts.Program, problems: string[]): ts.Program {
  const diagnostics = problems.map((problem) => configDiagnostic(tsApi, problem));
  const global = program.getGlobalDiagnostics.bind(program);
  program.getGlobalDiagnostics = (token) => [...global(token), ...diagnostics];
  const options = program.getOptionsDiagnostics.bind(program);
  program.getOptionsDiagnostics = (token) => [...options(token), ...diagnostics];
  return program;
}
