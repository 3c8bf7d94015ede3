import type ts from 'typescript';
import { ISSUE_CODES, toDiagnostic, type AnalysisIssue } from './issues.js';

/**
 * A program transformer has no `addDiagnostic`: our problems join the program's semantic
 * diagnostics instead, so `tspc` prints them with file:line:col, exits non-zero on errors,
 * and `noEmitOnError` holds back the output.
 */
export function withDiagnostics(tsApi: typeof ts, program: ts.Program, issues: AnalysisIssue[]): ts.Program {
  if (issues.length === 0) return program;
  const diagnosticsFor = (sourceFile: ts.SourceFile | undefined): ts.Diagnostic[] => {
    const selected = sourceFile ? issues.filter((issue) => tsApi.sys.resolvePath(issue.fileName) === tsApi.sys.resolvePath(sourceFile.fileName)) : issues;
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

/** A problem with the plugin entry itself: a global error, so the build fails without touching any file. */
export function withConfigError(tsApi: typeof ts, program: ts.Program, message: string): ts.Program {
  const diagnostic: ts.Diagnostic = {
    file: undefined,
    start: undefined,
    length: undefined,
    category: tsApi.DiagnosticCategory.Error,
    code: ISSUE_CODES['actionwire/config'],
    messageText: `[actionwire/config] ${message.replace(/^actionwire: /, '')}`,
    source: 'actionwire',
  };
  const global = program.getGlobalDiagnostics.bind(program);
  program.getGlobalDiagnostics = (token) => [...global(token), diagnostic];
  const options = program.getOptionsDiagnostics.bind(program);
  program.getOptionsDiagnostics = (token) => [...options(token), diagnostic];
  return program;
}
