#!/usr/bin/env node
import { resolve } from 'node:path';
import ts from 'typescript';
import { analyzeProgram, type ProgramAnalysis } from '../transformer/analyze.js';
import { ConfigError } from '../transformer/config.js';
import { configDiagnostic, toDiagnostic } from '../transformer/issues.js';
import { generateFiles } from '../codegen/generate.js';
import { staleFiles, writeGeneratedFiles } from '../codegen/write.js';

const USAGE = `usage: actionwire generate [-p tsconfig.json] [--check] [--watch]

  -p, --project  the tsconfig.json whose plugins list actionwire/transformer (default: ./tsconfig.json)
  --check        write nothing; exit 1 when a generated file is missing or stale
  --watch        regenerate whenever a source file changes`;

interface CliOptions {
  project: string;
  check: boolean;
  watch: boolean;
}

function parseArguments(args: string[]): CliOptions | string {
  if (args[0] !== 'generate') return USAGE;
  const options: CliOptions = { project: 'tsconfig.json', check: false, watch: false };
  for (let index = 1; index < args.length; index++) {
    const arg = args[index];
    if (arg === '-p' || arg === '--project') {
      const value = args[++index];
      if (!value) return `${arg} needs a path\n\n${USAGE}`;
      options.project = value;
    } else if (arg === '--check') options.check = true;
    else if (arg === '--watch' || arg === '-w') options.watch = true;
    else if (arg === '-h' || arg === '--help') return USAGE;
    else return `unknown option ${arg}\n\n${USAGE}`;
  }
  if (options.check && options.watch) return `--check and --watch do not go together\n\n${USAGE}`;
  return options;
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => '\n',
};

function report(diagnostics: readonly ts.Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stderr.write(format(diagnostics, formatHost));
}

function pluginEntry(options: ts.CompilerOptions): Record<string, unknown> | undefined {
  const plugins = Array.isArray(options.plugins) ? (options.plugins as unknown[]) : [];
  return plugins.find(
    (plugin): plugin is Record<string, unknown> =>
      typeof plugin === 'object' && plugin !== null && typeof (plugin as Record<string, unknown>).transform === 'string' && /actionwire[\\/]transformer|actionwire$/.test(String((plugin as Record<string, unknown>).transform)),
  );
}

/** Analyzes and writes (or checks); returns the exit code. Warnings never change it unless `warningsAsErrors` is set. */
function runOnce(program: ts.Program, entry: Record<string, unknown>, check: boolean): number {
  let analysis: ProgramAnalysis;
  try {
    analysis = analyzeProgram(ts, program, entry);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error.problems.map((problem) => configDiagnostic(ts, problem)));
    return 1;
  }
  const asErrors = analysis.config.warningsAsErrors;
  report(analysis.issues.map((issue) => toDiagnostic(ts, asErrors ? { ...issue, severity: 'error' } : issue, program.getSourceFile(issue.fileName))));
  if (analysis.issues.some((issue) => asErrors || issue.severity === 'error')) return 1;
  const files = generateFiles(analysis.model);
  const directory = analysis.config.generatedDir;
  if (check) {
    const stale = staleFiles(directory, files);
    stale.forEach((file) => console.error(`stale: ${file}`));
    if (stale.length > 0) console.error('run `actionwire generate` (or tspc) to update them');
    return stale.length > 0 ? 1 : 0;
  }
  const result = writeGeneratedFiles(directory, files);
  console.log(
    `actionwire: ${analysis.model.actions.length} actions; ${result.written.length} files written, ${result.unchanged.length} unchanged, ${result.removed.length} removed (${directory})`,
  );
  return 0;
}

function main(): number | undefined {
  const parsed = parseArguments(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed);
    return parsed === USAGE && process.argv.includes('--help') ? 0 : 2;
  }
  const project = resolve(parsed.project);
  const commandLine = ts.getParsedCommandLineOfConfigFile(project, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => report([diagnostic]) });
  if (!commandLine) return 1;
  report(commandLine.errors);
  const config = pluginEntry(commandLine.options);
  if (!config) {
    console.error(`${project} has no { "transform": "actionwire/transformer" } entry in compilerOptions.plugins`);
    return 1;
  }
  if (!parsed.watch) {
    const program = ts.createProgram({ rootNames: commandLine.fileNames, options: commandLine.options, projectReferences: commandLine.projectReferences });
    return runOnce(program, config, parsed.check);
  }
  const host = ts.createWatchCompilerHost(project, { noEmit: true }, ts.sys, ts.createSemanticDiagnosticsBuilderProgram, (diagnostic) => report([diagnostic]), (diagnostic) =>
    console.log(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  );
  const afterProgramCreate = host.afterProgramCreate;
  host.afterProgramCreate = (builder) => {
    runOnce(builder.getProgram(), config, false);
    afterProgramCreate?.(builder);
  };
  ts.createWatchProgram(host);
  return undefined;
}

const code = main();
if (code !== undefined) process.exitCode = code;
