#!/usr/bin/env node
import { dirname, resolve } from 'node:path';
import * as nodeModule from 'node:module';
import type * as TS from 'typescript';
import { analyzeProgram, type AnalysisOptions, type ProgramAnalysis } from '../transformer/analysis/analyze.js';
import { inlineUnavailable, projectTypeScriptMajor } from './project-typescript.js';
import { watchWithTypeScript7 } from './watch-typescript-7.js';
import { loadTypeScript7, TypeScript7ApiError } from '../transformer/analysis-ts7/typescript-7-modules.js';
import { TypeScript7Session } from '../transformer/analysis-ts7/typescript-7-session.js';
import { ConfigError, resolveGeneratedDir } from '../transformer/analysis/config/plugin-config.js';
import { isWithin } from '../transformer/analysis/names/module-paths.js';
import { configDiagnostic, toDiagnostic } from '../transformer/analysis/issues.js';
import { staleFiles, writeGeneratedFiles } from '../transformer/output/write.js';
import { generatedDirFiles, generatedOutputs, serverLayout, writeOutputs } from '../transformer/output/generated-output.js';
import { programWithGeneratedFiles } from '../transformer/program/program-with-generated.js';

// Node ≥ 22.1 keeps compiled code between runs, as TypeScript's own tsc asks it to (≈ 0.1 s of loading TypeScript).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// TypeScript is one 9 MB CommonJS file: require() skips the ES module loader's scan for its named exports (≈ 0.3 s).
const ts = nodeModule.createRequire(import.meta.url)('typescript') as typeof TS;

const USAGE = `usage: actionwire generate [-p tsconfig.json] [--check] [--watch]

  -p, --project  the tsconfig.json whose plugins list actionwire/transformer (default: ./tsconfig.json)
  --check        write nothing; exit 1 when a generated file is missing or stale
  --watch        regenerate whenever a source file changes`;

interface CliOptions {
  project: string;
  check: boolean;
  watch: boolean;
}

/** What the command line asks for: a run, the usage text (exit 0), or a usage error (exit 2). */
type ParsedArguments = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const usageError = (message: string): ParsedArguments => ({ kind: 'error', message: message === '' ? USAGE : `${message}\n\n${USAGE}` });

function parseArguments(args: string[]): ParsedArguments {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) return { kind: 'help' };
  if (args[0] !== 'generate') return usageError(args.length === 0 ? '' : `unknown command ${args[0]}`);
  const options: CliOptions = { project: 'tsconfig.json', check: false, watch: false };
  for (let index = 1; index < args.length; index++) {
    const arg = args[index];
    if (arg === '-p' || arg === '--project') {
      const value = args[++index];
      if (!value) return usageError(`${arg} needs a path`);
      options.project = value;
    } else if (arg === '--check') options.check = true;
    else if (arg === '--watch' || arg === '-w') options.watch = true;
    else if (arg === '-h' || arg === '--help') return { kind: 'help' };
    else return usageError(`unknown option ${arg}`);
  }
  if (options.check && options.watch) return usageError('--check and --watch do not go together');
  return { kind: 'run', options };
}

const formatHost: TS.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => '\n',
};

function report(diagnostics: readonly TS.Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stderr.write(format(diagnostics, formatHost));
}

function pluginEntry(options: TS.CompilerOptions): Record<string, unknown> | undefined {
  const plugins = Array.isArray(options.plugins) ? (options.plugins as unknown[]) : [];
  return plugins.find(
    (plugin): plugin is Record<string, unknown> =>
      typeof plugin === 'object' && plugin !== null && typeof (plugin as Record<string, unknown>).transform === 'string' && /actionwire[\\/]transformer|actionwire$/.test(String((plugin as Record<string, unknown>).transform)),
  );
}

/** An analysis of the project, by either compiler, and its files as TypeScript 6 source files for reporting. */
interface AnalysisRun {
  analysis: ProgramAnalysis;
  sourceFile(fileName: string): TS.SourceFile | undefined;
}

/** What one run did: its exit code, and the generated files it wrote (none when it only checked or found errors). */
interface RunResult {
  code: number;
  /** the errors it reported (configuration problems count as one) */
  errors: number;
  generated?: { directory: string; names: string[]; written: string[] };
}

/**
 * Analyzes and writes (or checks). Warnings never change the exit code unless `warningsAsErrors` is set.
 * `outputOptions`: the project's compiler options as its own build (tsc) emits with them: the generated client's
 * scripts go to its outDir in the module format it emits there, since the build only compiles routes.ts.
 */
function runOnce(analyze: () => AnalysisRun, check: boolean, outputOptions: TS.CompilerOptions): RunResult {
  let analysis: ProgramAnalysis;
  let sourceFile: AnalysisRun['sourceFile'];
  try {
    ({ analysis, sourceFile } = analyze());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error.problems.map((problem) => configDiagnostic(ts, problem)));
    return { code: 1, errors: error.problems.length };
  }
  if (analysis.config.mode === 'client') {
    console.error(`this tsconfig is a client build ("mode": "client"): it generates nothing. Run actionwire generate on the server build's tsconfig, then compile this one with tspc`);
    return { code: 2, errors: 1 };
  }
  const asErrors = analysis.config.warningsAsErrors;
  report(analysis.issues.map((issue) => toDiagnostic(ts, asErrors ? { ...issue, severity: 'error' } : issue, sourceFile(issue.fileName))));
  const errors = analysis.issues.filter((issue) => asErrors || issue.severity === 'error').length;
  if (errors > 0) return { code: 1, errors };
  const directory = analysis.config.generatedDir;
  const layout = serverLayout(analysis.config.rootDir, directory, outputOptions, analysis.model);
  const files = generatedDirFiles(ts, layout, analysis.model);
  if (check) {
    const stale = staleFiles(directory, files);
    stale.forEach((file) => console.error(`stale: ${file}`));
    if (stale.length > 0) console.error('run `actionwire generate` (or tspc) to update them');
    return { code: stale.length > 0 ? 1 : 0, errors: 0 };
  }
  const result = writeGeneratedFiles(directory, files);
  writeOutputs(generatedOutputs(ts, layout, files));
  console.log(
    `actionwire: ${analysis.model.actions.length} actions; ${result.written.length} files written, ${result.unchanged.length} unchanged, ${result.removed.length} removed (${directory})`,
  );
  return { code: 0, errors: 0, generated: { directory, names: [...files.keys()], written: result.written } };
}

/**
 * Watches like tsc --watch, generating inside each cycle's createProgram: the program that the
 * watcher then checks and reports on is the one that holds the files just written. Generating
 * after the program was created (afterProgramCreate) reported the previous generated files'
 * errors, e.g. a TS7053 in routes.ts for an action just removed.
 */
function watch(project: string, entry: Record<string, unknown>, analysisOptions: AnalysisOptions, outputOptions: TS.CompilerOptions): void {
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
    const { generated } = runOnce(() => onTypeScript6(first, entry, analysisOptions), false, outputOptions);
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
function withoutGeneratedFiles(host: TS.CompilerHost, generatedDir: string): TS.CompilerHost {
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    isWithin(generatedDir, resolve(fileName)) ? ts.createSourceFile(fileName, 'export {};\n', languageVersion) : getSourceFile(fileName, languageVersion, onError, shouldCreate);
  return host;
}

function onTypeScript6(program: TS.Program, entry: Record<string, unknown>, options: AnalysisOptions): AnalysisRun {
  return { analysis: analyzeProgram(ts, program, entry, options), sourceFile: (fileName) => program.getSourceFile(fileName) };
}

/**
 * TypeScript 7 has no compiler API in JavaScript: the analysis runs on the project's own TypeScript 7 through
 * its checker API (one process for the run, or for the whole watch).
 */
async function onTypeScript7(project: string, entry: Record<string, unknown>, options: AnalysisOptions, commandLine: TS.ParsedCommandLine, generatedDir: string, parsed: CliOptions): Promise<number | undefined> {
  let session: TypeScript7Session;
  try {
    session = new TypeScript7Session(await loadTypeScript7(dirname(project)), project, generatedDir);
  } catch (error) {
    if (!(error instanceof TypeScript7ApiError)) throw error;
    console.error(error.message);
    return 1;
  }
  const run = (changed?: readonly string[]): RunResult => runOnce(() => session.analyze(entry, commandLine.options, options, changed), parsed.check, commandLine.options);
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

async function main(): Promise<number | undefined> {
  const command = parseArguments(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === 'error') {
    console.error(command.message);
    return 2;
  }
  const parsed = command.options;
  const project = resolve(parsed.project);
  const commandLine = ts.getParsedCommandLineOfConfigFile(project, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => report([diagnostic]) });
  if (!commandLine) return 1;
  report(commandLine.errors);
  const config = pluginEntry(commandLine.options);
  if (!config) {
    console.error(`${project} has no { "transform": "actionwire/transformer" } entry in compilerOptions.plugins`);
    return 1;
  }
  const options: AnalysisOptions = { inlineUnavailable: inlineUnavailable(project) };
  const generatedDir = resolveGeneratedDir(config, dirname(project), resolve(commandLine.options.rootDir ?? dirname(project)));
  if ((projectTypeScriptMajor(project) ?? 0) >= 7) return onTypeScript7(project, config, options, commandLine, generatedDir, parsed);
  if (parsed.watch) {
    watch(project, config, options, commandLine.options);
    return undefined;
  }
  const rootNames = commandLine.fileNames.filter((name) => !isWithin(generatedDir, resolve(name)));
  const host = withoutGeneratedFiles(ts.createCompilerHost(commandLine.options), generatedDir);
  // as tsc reads them: JSDoc is read from the comments of the declarations that describe actions (doc-comments.ts)
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const program = ts.createProgram({ rootNames, options: commandLine.options, host, projectReferences: commandLine.projectReferences });
  return runOnce(() => onTypeScript6(program, config, options), parsed.check, commandLine.options).code;
}

const code = await main();
if (code !== undefined) process.exitCode = code;
