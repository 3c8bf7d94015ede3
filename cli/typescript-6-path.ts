import { dirname, resolve } from 'node:path';
import * as nodeModule from 'node:module';
import type * as TS from 'typescript';
import { analyzeProgram, type AnalysisOptions } from '../transformer/analysis/analyze.js';
import { resolveGeneratedDir } from '../transformer/analysis/config/plugin-config.js';
import { isWithin } from '../transformer/analysis/names/module-paths.js';
import { configDiagnostic, toDiagnostic } from '../transformer/analysis/issues.js';
import { commonJsRule } from '../transformer/output/generated-output.js';
import { programWithGeneratedFiles } from '../transformer/program/program-with-generated.js';
import type { CliOptions } from './cli-options.js';
import { findPluginEntry } from '../transformer/analysis/config/plugin-entry.js';
import { runOnce, type RunCompiler } from './run-once.js';

// Node ≥ 22.1 keeps compiled code between runs, as TypeScript's own tsc asks it to (≈ 0.1 s of loading TypeScript).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// TypeScript is one 9 MB CommonJS file: require() skips the ES module loader's scan for its named exports (≈ 0.3 s).
// Loaded when this path runs: on a TypeScript 7 project `typescript` has no compiler API.
const loadTypeScript = (): typeof TS => nodeModule.createRequire(import.meta.url)('typescript') as typeof TS;

/** `actionwire generate` with the project's TypeScript 5.9 or 6 (its compiler API in this process). */
export function generateOnTypeScript6(parsed: CliOptions, analysisOptions: AnalysisOptions): number | undefined {
  const ts = loadTypeScript();
  const formatHost: TS.FormatDiagnosticsHost = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  const report = (diagnostics: readonly TS.Diagnostic[]): void => {
    if (diagnostics.length === 0) return;
    const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
    process.stderr.write(format(diagnostics, formatHost));
  };
  const project = resolve(parsed.project);
  const commandLine = ts.getParsedCommandLineOfConfigFile(project, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => report([diagnostic]) });
  if (!commandLine) return 1;
  report(commandLine.errors);
  const entry = findPluginEntry(commandLine.options);
  if (!entry) {
    console.error(`${project} has no { "transform": "actionwire/transformer" } entry in compilerOptions.plugins`);
    return 1;
  }
  const outputOptions = commandLine.options;
  const compilerFor = (program: TS.Program): RunCompiler => ({
    analyze: () => ({
      analysis: analyzeProgram(ts, program, entry, analysisOptions),
      report: (issues) => report(issues.map((issue) => toDiagnostic(ts, issue, program.getSourceFile(issue.fileName)))),
    }),
    reportConfig: (problems) => report(problems.map((problem) => configDiagnostic(ts, problem))),
    outputOptions: () => outputOptions,
    emitsCommonJs: commonJsRule(ts, outputOptions),
  });

  if (parsed.watch) {
    watch(ts, project, compilerFor, report);
    return undefined;
  }
  const generatedDir = resolveGeneratedDir(entry, dirname(project), resolve(commandLine.options.rootDir ?? dirname(project)));
  const rootNames = commandLine.fileNames.filter((name) => !isWithin(generatedDir, resolve(name)));
  const host = withoutGeneratedFiles(ts, ts.createCompilerHost(commandLine.options), generatedDir);
  // as tsc reads them: JSDoc is read from the comments of the declarations that describe actions (doc-comments.ts)
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const program = ts.createProgram({ rootNames, options: commandLine.options, host, projectReferences: commandLine.projectReferences });
  return runOnce(compilerFor(program), parsed.check).code;
}

/**
 * Watches like tsc --watch, generating inside each cycle's createProgram: the program that the
 * watcher then checks and reports on is the one that holds the files just written. Generating
 * after the program was created (afterProgramCreate) reported the previous generated files'
 * errors, e.g. a TS7053 in routes.ts for an action just removed.
 */
function watch(ts: typeof TS, project: string, compilerFor: (program: TS.Program) => RunCompiler, report: (diagnostics: readonly TS.Diagnostic[]) => void): void {
  const host = ts.createWatchCompilerHost(project, { noEmit: true }, ts.sys, ts.createSemanticDiagnosticsBuilderProgram, (diagnostic) => report([diagnostic]), (diagnostic) =>
    console.log(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  );
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  // The program of the previous cycle, for reuse (a builder program's own accessor is internal).
  let previous: TS.Program | undefined;
  host.createProgram = (rootNames, options, compilerHost, oldBuilder, configFileParsingDiagnostics, projectReferences) => {
    if (rootNames === undefined || options === undefined || compilerHost === undefined) {
      // Only the configuration's diagnostics changed: the watcher keeps the program it has.
      return ts.createSemanticDiagnosticsBuilderProgram(rootNames, options, compilerHost, oldBuilder, configFileParsingDiagnostics, projectReferences);
    }
    const first = ts.createProgram({ rootNames, options, host: compilerHost, oldProgram: previous, configFileParsingDiagnostics, projectReferences });
    const { generated } = runOnce(compilerFor(first), false);
    const program = generated ? programWithGeneratedFiles(ts, first, compilerHost, generated.directory, generated.names, generated.written) : first;
    previous = program;
    return ts.createSemanticDiagnosticsBuilderProgram(program, compilerHost, oldBuilder, configFileParsingDiagnostics);
  };
  ts.createWatchProgram(host);
}

/**
 * The analysis reads the project's own files only: a generated file (2 MB of routes.ts, the client's
 * declarations, at 2,000 actions) that the project's code imports is read as an empty module, since this
 * command reports no type error, only what the analysis finds.
 */
function withoutGeneratedFiles(ts: typeof TS, host: TS.CompilerHost, generatedDir: string): TS.CompilerHost {
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    isWithin(generatedDir, resolve(fileName)) ? ts.createSourceFile(fileName, 'export {};\n', languageVersion) : getSourceFile(fileName, languageVersion, onError, shouldCreate);
  return host;
}
