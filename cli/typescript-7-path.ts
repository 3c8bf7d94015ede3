import { dirname, relative, resolve } from 'node:path';
import type { AnalysisOptions } from '../transformer/analysis/analyze.js';
import { resolveGeneratedDir } from '../transformer/analysis/config/plugin-config.js';
import { issueNumber, type AnalysisIssue } from '../transformer/analysis/issues.js';
import { typeScript7CommonJsRule } from '../transformer/analysis-ts7/module-format.js';
import { loadTypeScript7, TypeScript7ApiError } from '../transformer/analysis-ts7/typescript-7-modules.js';
import { TypeScript7Session, type TypeScript7Analysis } from '../transformer/analysis-ts7/typescript-7-session.js';
import type { CliOptions } from './cli-options.js';
import { findPluginEntry } from '../transformer/analysis/config/plugin-entry.js';
import { runOnce, type RunCompiler, type RunResult } from './run-once.js';
import { tsconfigPlugins } from '../transformer/analysis/config/tsconfig-plugins.js';
import { watchWithTypeScript7 } from './watch-typescript-7.js';

/** An issue as tsc prints a diagnostic: `src/actions.ts(2,17): error TS93001: [actionwire/not-async] …`. */
function formatIssue(issue: AnalysisIssue, where: { line: number; character: number } | undefined): string {
  const at = where ? `${relative(process.cwd(), issue.fileName)}(${where.line + 1},${where.character + 1}): ` : '';
  return `${at}${issue.severity} TS${issueNumber(issue.code)}: [${issue.code}] ${issue.message}\n`;
}

/**
 * `actionwire generate` on a TypeScript 7 project. TypeScript 7 has no compiler API in JavaScript: the analysis
 * runs on the project's own TypeScript 7 through its checker API (one compiler process for the run, or for the
 * whole watch), and nothing here loads another TypeScript.
 */
export async function generateOnTypeScript7(parsed: CliOptions, analysisOptions: AnalysisOptions): Promise<number | undefined> {
  const project = resolve(parsed.project);
  const entry = findPluginEntry({ plugins: tsconfigPlugins(project) });
  if (!entry) {
    console.error(`${project} has no { "transform": "actionwire/transformer" } entry in compilerOptions.plugins`);
    return 1;
  }
  let session: TypeScript7Session;
  try {
    session = new TypeScript7Session(await loadTypeScript7(dirname(project)), project);
  } catch (error) {
    if (!(error instanceof TypeScript7ApiError)) throw error;
    console.error(error.message);
    return 1;
  }
  const configured = session.compilerOptions();
  const generatedDir = resolveGeneratedDir(entry, dirname(project), resolve(configured.rootDir ?? dirname(project)));
  let latest: TypeScript7Analysis | undefined;
  const compiler = (changed?: readonly string[]): RunCompiler => ({
    analyze: () => {
      const run = (latest = session.analyze(entry, generatedDir, analysisOptions, changed));
      return {
        analysis: run.analysis,
        report: (issues) => issues.forEach((issue) => process.stderr.write(formatIssue(issue, run.sourceFile(issue.fileName)?.getLineAndCharacterOfPosition(issue.start)))),
      };
    },
    reportConfig: (problems) => problems.forEach((problem) => process.stderr.write(`error TS${issueNumber('actionwire/config')}: [actionwire/config] ${problem}\n`)),
    outputOptions: () => latest?.compilerOptions ?? configured,
    emitsCommonJs: (path) => typeScript7CommonJsRule(latest?.compilerOptions ?? configured)(path),
  });
  const run = (changed?: readonly string[]): RunResult => runOnce(compiler(changed), parsed.check);
  if (parsed.watch) {
    watchWithTypeScript7(dirname(project), generatedDir, run);
    return undefined;
  }
  try {
    return run().code;
  } finally {
    session.close();
  }
}
