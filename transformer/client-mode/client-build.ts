import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type ts from 'typescript';
import { clientActions, type Model } from '../../model/model.js';
import type { ProgramAnalysis } from '../analysis/analyze.js';
import { clientReach } from './client-reach.js';
import { clientScripts } from './client-scripts.js';
import { emitWithBefore } from '../hoisting/emit-with-hoisting.js';
import { commonJsRule, generatedOutputs, withGeneratedOutputs, type OutputLayout } from '../output/generated-output.js';
import { stubServerModules, type ClientStub } from './client-stubs.js';
import { issueAt, type AnalysisIssue } from '../analysis/issues.js';
import { isWithin, moduleIdOf, relativeImport, toPosix } from '../analysis/names/module-paths.js';
import { programWithGeneratedFiles } from '../program/program-with-generated.js';

export interface ClientBuild {
  program: ts.Program;
  issues: AnalysisIssue[];
}

/** A problem with a whole module, reported at its first statement (its directive, for a 'use server' module). */
function issueAtFile(file: ts.SourceFile, message: string): AnalysisIssue {
  return issueAt(file.statements[0] ?? file, 'actionwire/client-mode', message);
}

/**
 * `mode: "client"`: the program of a client build, whose 'use server' modules are emitted as stubs calling
 * the generated client (written by the server build) and whose server-only files are not emitted at all.
 * Problems: a generated client module that is missing or stale, and client code importing a module that
 * holds inline actions (server code: its actions reach the client as references).
 */
export function clientBuild(tsApi: typeof ts, program: ts.Program, host: ts.CompilerHost | undefined, analysis: ProgramAnalysis): ClientBuild {
  const { config, model } = analysis;
  const issues: AnalysisIssue[] = [];
  const serverFiles = new Map<string, string>();
  for (const module of model.modules) serverFiles.set(join(config.rootDir, module.moduleId), module.moduleId);
  const moduleIdOfFile = (file: ts.SourceFile): string | undefined => serverFiles.get(join(config.rootDir, moduleIdOf(file.fileName, config.rootDir)));

  const clientFiles: string[] = [];
  for (const file of program.getSourceFiles()) {
    const moduleId = moduleIdOfFile(file);
    if (moduleId === undefined) continue;
    const path = join(config.generatedDir, 'client', `${moduleId}.d.ts`);
    if (existsSync(path) && existsSync(join(config.generatedDir, 'client', `${moduleId}.js`))) clientFiles.push(`client/${moduleId}.d.ts`);
    else issues.push(issueAtFile(file, `The generated client of this 'use server' module (${path}) does not exist: build the server project first (tspc, or actionwire generate), with the same rootDir and generatedDir`));
  }
  const next = programWithGeneratedFiles(tsApi, program, host, config.generatedDir, clientFiles, [], () => true);
  const inGenerated = (file: ts.SourceFile): boolean => isWithin(config.generatedDir, file.fileName);
  const reach = clientReach(
    tsApi,
    next,
    (file) => moduleIdOfFile(file) !== undefined,
    (file) => inGenerated(file) && !isWithin(join(config.generatedDir, 'client'), file.fileName),
    (file) => inlineModuleOf(model, config.rootDir, file.fileName) !== undefined,
  );

  const stubs = new Map<string, ClientStub>();
  const checker = next.getTypeChecker();
  for (const file of reach.serverModules) {
    const moduleId = moduleIdOfFile(file) as string;
    const exportNames = clientActions(model, moduleId).map((action) => action.exportName);
    const clientFile = next.getSourceFile(join(config.generatedDir, 'client', `${moduleId}.d.ts`));
    const clientSymbol = clientFile ? checker.getSymbolAtLocation(clientFile) : undefined;
    if (clientFile && clientSymbol) {
      const exported = new Set(checker.getExportsOfModule(clientSymbol).map((symbol) => symbol.getName()));
      const missing = exportNames.filter((name) => !exported.has(name));
      if (missing.length > 0) {
        issues.push(issueAtFile(file, `The generated client of this 'use server' module is stale (it lacks ${missing.join(', ')}): build the server project again (tspc, or actionwire generate)`));
      }
    }
    stubs.set(file.fileName, { clientModule: relativeImport(dirname(file.fileName), join(config.generatedDir, 'client', `${moduleId}.ts`), model.importExtension), exportNames });
  }
  for (const file of reach.serverCode) {
    issues.push(
      issueAtFile(
        file,
        `Client code imports this module, which holds inline server actions (${inlineModuleOf(model, config.rootDir, file.fileName)}): it is server code. Hand its actions to the client as values (return them from an action) instead of importing the module`,
      ),
    );
  }

  const scripts = clientScripts(tsApi, config.generatedDir, [
    ...[...reach.serverModules].map((file) => `client/${moduleIdOfFile(file)}.js`),
    ...[...reach.declarations].filter((file) => isWithin(join(config.generatedDir, 'client'), file.fileName)).map((file) => toPosix(relative(config.generatedDir, file.fileName)).replace(/\.d\.ts$/, '.js')),
  ]);
  const options = next.getCompilerOptions();
  const layout: OutputLayout = { rootDir: config.rootDir, generatedDir: config.generatedDir, options, emitsCommonJs: commonJsRule(tsApi, options) };
  const outputs = generatedOutputs(layout, scripts);
  withGeneratedOutputs(next, () => outputs);

  const emit = emitWithBefore(next, stubServerModules(tsApi, stubs)).emit.bind(next);
  const emitted = new Set([...reach.client, ...reach.serverModules]);
  next.emit = (targetSourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers) => {
    if (targetSourceFile) {
      if (!emitted.has(targetSourceFile)) return { emitSkipped: true, diagnostics: [] };
      return emit(targetSourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers);
    }
    const results = [...emitted].map((file) => emit(file, writeFile, cancellationToken, emitOnlyDts, customTransformers));
    return {
      emitSkipped: results.every((result) => result.emitSkipped),
      diagnostics: results.flatMap((result) => result.diagnostics),
      emittedFiles: results.flatMap((result) => result.emittedFiles ?? []),
    };
  };
  return { program: next, issues };
}

function inlineModuleOf(model: Model, rootDir: string, fileName: string): string | undefined {
  const moduleId = moduleIdOf(fileName, rootDir);
  const routes = model.actions.filter((action) => action.moduleId === moduleId && action.inline).map((action) => action.inline?.path);
  return routes.length > 0 ? routes.join(', ') : undefined;
}
