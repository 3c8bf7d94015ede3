import type ts from 'typescript';
import { generateFiles } from '../codegen/generate.js';
import { writeGeneratedFiles } from '../codegen/write.js';
import { analyzeProgram } from './analyze.js';
import { ConfigError, type PluginConfig } from './config.js';
import { hostSeeingGeneratedFiles } from './generated-host.js';
import { withConfigErrors, withDiagnostics } from './program-diagnostics.js';
import { asSourceTransformer, isSourceTransformerCall, type SourceTransformerExtras } from './source-transformer-misuse.js';

export type { PluginConfig } from './config.js';

function everyGeneratedFileParsed(tsApi: typeof ts, program: ts.Program, generatedDir: string, files: Map<string, string>): boolean {
  const parsed = new Set(program.getSourceFiles().map((file) => tsApi.sys.resolvePath(file.fileName)));
  return [...files.keys()].filter((name) => name.endsWith('.ts')).every((name) => parsed.has(tsApi.sys.resolvePath(`${generatedDir}/${name}`)));
}

interface ProgramTransformerExtras {
  ts: typeof ts;
}

/**
 * The ts-patch program transformer (`"transform": "actionwire/transformer", "transformProgram": true`).
 * It analyzes the 'use server' modules, writes the generated files when they changed, and returns a
 * program that also compiles them and reports every problem as a diagnostic.
 *
 * @example
 * // tsconfig.json
 * { "compilerOptions": { "plugins": [
 *   { "transform": "actionwire/transformer", "transformProgram": true, "generatedDir": "src/generated" }
 * ] } }
 */
export default function actionwireTransformer(
  program: ts.Program,
  host: ts.CompilerHost | undefined,
  config: PluginConfig,
  extras: ProgramTransformerExtras,
): ts.Program;
export default function actionwireTransformer(program: ts.Program, config: PluginConfig, extras: SourceTransformerExtras): ts.TransformerFactory<ts.SourceFile>;
export default function actionwireTransformer(
  program: ts.Program,
  hostOrConfig: ts.CompilerHost | PluginConfig | undefined,
  configOrExtras: PluginConfig | SourceTransformerExtras,
  extras?: ProgramTransformerExtras,
): ts.Program | ts.TransformerFactory<ts.SourceFile> {
  if (isSourceTransformerCall(hostOrConfig, configOrExtras, extras)) return asSourceTransformer(configOrExtras);
  const host = hostOrConfig as ts.CompilerHost | undefined;
  const config = configOrExtras as Record<string, unknown>;
  const tsApi = (extras as ProgramTransformerExtras).ts;
  let analysis: ReturnType<typeof analyzeProgram>;
  try {
    analysis = analyzeProgram(tsApi, program, config);
  } catch (error) {
    if (error instanceof ConfigError) return withConfigErrors(tsApi, program, error.problems);
    throw error;
  }
  const files = generateFiles(analysis.model);
  const written = writeGeneratedFiles(analysis.config.generatedDir, files);

  if (written.written.length === 0 && written.removed.length === 0 && everyGeneratedFileParsed(tsApi, program, analysis.config.generatedDir, files)) {
    // A rebuild that changed no action: the program already holds the generated files as they are on disk.
    return withDiagnostics(tsApi, program, analysis.issues, analysis.config.warningsAsErrors);
  }
  const removed = new Set(written.removed.map((path) => tsApi.sys.resolvePath(path)));
  const rootNames = program.getRootFileNames().filter((name) => !removed.has(tsApi.sys.resolvePath(name)));
  const known = new Set(rootNames.map((name) => tsApi.sys.resolvePath(name)));
  for (const name of files.keys()) {
    const path = tsApi.sys.resolvePath(`${analysis.config.generatedDir}/${name}`);
    if (name.endsWith('.ts') && !known.has(path)) rootNames.push(path);
  }
  const options = program.getCompilerOptions();
  const baseHost = host ?? tsApi.createCompilerHost(options);
  const generatedHost = hostSeeingGeneratedFiles(tsApi, baseHost, analysis.config.generatedDir, program);
  const next = tsApi.createProgram({
    rootNames,
    options,
    host: generatedHost.host,
    // No oldProgram: the host already hands over its parsed files, and the first checker can be collected.
    oldProgram: undefined,
    configFileParsingDiagnostics: program.getConfigFileParsingDiagnostics(),
    projectReferences: program.getProjectReferences(),
  });
  generatedHost.release();
  return withDiagnostics(tsApi, next, analysis.issues, analysis.config.warningsAsErrors);
}
