import type ts from 'typescript';
import { writeGeneratedFiles } from './output/write.js';
import { analyzeProgram } from './analysis/analyze.js';
import { ConfigError, type PluginConfig } from './analysis/config/plugin-config.js';
import { AnalysisReuse } from './program/analysis-reuse.js';
import { clientBuild } from './client-mode/client-build.js';
import { withInlineHoisting } from './hoisting/emit-with-hoisting.js';
import { commonJsRule, generatedDirFiles, generatedOutputs, serverLayout, withGeneratedOutputs } from './output/generated-output.js';
import { programWithGeneratedFiles } from './program/program-with-generated.js';
import { withConfigErrors, withDiagnostics } from './program/program-diagnostics.js';
import { asSourceTransformer, isSourceTransformerCall, type SourceTransformerExtras } from './program/source-transformer-misuse.js';

export type { PluginConfig } from './analysis/config/plugin-config.js';

interface ProgramTransformerExtras {
  ts: typeof ts;
}

/** Watch rebuilds keep the previous analysis of a project while no edit can change an action. */
let reuse: AnalysisReuse | undefined;

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
  reuse ??= new AnalysisReuse(tsApi);
  const options = program.getCompilerOptions();
  const key = String(options.configFilePath ?? program.getCurrentDirectory());
  const settings = JSON.stringify([config, options.rootDir, options.outDir, options.module, options.moduleResolution]);
  const reused = reuse.reusable(key, settings, program);
  let analysis: ReturnType<typeof analyzeProgram>;
  try {
    analysis = reused?.analysis ?? analyzeProgram(tsApi, program, config);
  } catch (error) {
    if (error instanceof ConfigError) return withConfigErrors(tsApi, program, error.problems);
    throw error;
  }
  if (analysis.config.mode === 'client') {
    const client = clientBuild(tsApi, program, host, analysis);
    return withDiagnostics(tsApi, client.program, [...analysis.issues, ...client.issues], analysis.config.warningsAsErrors);
  }
  const layout = serverLayout(analysis.config.rootDir, analysis.config.generatedDir, options, commonJsRule(tsApi, options), analysis.model);
  const files = reused?.generated ?? generatedDirFiles(layout, analysis.model);
  const written = writeGeneratedFiles(analysis.config.generatedDir, files);
  // A rebuild that changed no action keeps this program: it already holds the generated files as they are on disk.
  const next = programWithGeneratedFiles(tsApi, program, host, analysis.config.generatedDir, [...files.keys()], written.written);
  if (!reused) reuse.remember(key, settings, program, analysis, files);
  const emitting = withGeneratedOutputs(next, () => generatedOutputs(layout, files));
  return withInlineHoisting(tsApi, withDiagnostics(tsApi, emitting, analysis.issues, analysis.config.warningsAsErrors), analysis.hoists);
}
