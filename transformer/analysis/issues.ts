import type ts from 'typescript';

/** Every problem the analysis can report, with the number TypeScript shows (`error TS93001`). */
const ISSUE_CODES = {
  'actionwire/not-async': 93001,
  'actionwire/not-a-function': 93002,
  'actionwire/unsupported-type': 93003,
  'actionwire/misplaced-directive': 93004,
  'actionwire/misspelled-directive': 93005,
  'actionwire/any-type': 93006,
  'actionwire/unsupported-parameter': 93007,
  'actionwire/duplicate-route': 93008,
  'actionwire/inline-unsupported': 93009,
  'actionwire/reserved-module-id': 93010,
  'actionwire/config': 93011,
  'actionwire/name-collision': 93012,
  'actionwire/inline-capture': 93013,
  'actionwire/needs-transformer': 93014,
  'actionwire/client-mode': 93015,
  'actionwire/unroutable-name': 93016,
  'actionwire/unimportable-file-name': 93017,
  'actionwire/computed-error-status': 93018,
  'actionwire/unsupported-form-field': 93019,
  'actionwire/unsupported-stream': 93030,
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;

/** The number a diagnostic of this code shows (`TS93001`). */
export function issueNumber(code: IssueCode): number {
  return ISSUE_CODES[code];
}

/** A problem found by the analysis, as plain data; it becomes a ts.Diagnostic only at the boundary. */
export interface AnalysisIssue {
  code: IssueCode;
  severity: 'error' | 'warning';
  message: string;
  fileName: string;
  start: number;
  length: number;
}

/** How many of the issues are errors (a step compares the count before and after it to know whether it failed). */
export function errorCount(issues: readonly AnalysisIssue[]): number {
  return issues.filter((issue) => issue.severity === 'error').length;
}

export function issueAt(node: ts.Node, code: IssueCode, message: string, severity: 'error' | 'warning' = 'error'): AnalysisIssue {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  return { code, severity, message, fileName: sourceFile.fileName, start, length: node.getEnd() - start };
}

export function toDiagnostic(tsApi: typeof ts, issue: AnalysisIssue, file: ts.SourceFile | undefined): ts.Diagnostic {
  return {
    file,
    start: issue.start,
    length: issue.length,
    category: issue.severity === 'error' ? tsApi.DiagnosticCategory.Error : tsApi.DiagnosticCategory.Warning,
    code: issueNumber(issue.code),
    messageText: `[${issue.code}] ${issue.message}`,
    source: 'actionwire',
  };
}

/** A problem with the plugin entry: a global diagnostic (no file), the build fails and nothing is generated. */
export function configDiagnostic(tsApi: typeof ts, problem: string): ts.Diagnostic {
  return {
    file: undefined,
    start: undefined,
    length: undefined,
    category: tsApi.DiagnosticCategory.Error,
    code: ISSUE_CODES['actionwire/config'],
    messageText: `[actionwire/config] ${problem}`,
    source: 'actionwire',
  };
}
