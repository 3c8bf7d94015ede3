import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ts from 'typescript';
import { RESERVED_CLIENT_MODULES } from '../../model/client-layout.js';
import { MODEL_VERSION, type Action, type ActionModule, type InlineModule, type Model } from '../../model/model.js';
import { analyzeActionModule } from './actions.js';
import { decideClientNames, NamespaceAllocator } from './names/client-names.js';
import { resolveConfig, type ResolvedConfig } from './config/plugin-config.js';
import { scanDirectives } from './directives.js';
import { analyzeInlineActions, type InlineAnalysis, type InlineHoist } from './inline/inline-actions.js';
import { unimportableModuleProblem } from './names/importable-paths.js';
import { issueAt, type AnalysisIssue } from './issues.js';
import { importExtension, isWithin, moduleIdOf, projectRelativePath, relativeImport } from './names/module-paths.js';
import { SchemaRegistry } from './types/schema-names.js';
import { ThrownErrors } from './errors/thrown-errors.js';

export interface ProgramAnalysis {
  model: Model;
  issues: AnalysisIssue[];
  config: ResolvedConfig;
  /** the inline actions to hoist when the program emits, by file name */
  hoists: Map<string, InlineHoist[]>;
}

export interface AnalysisOptions {
  /**
   * Why inline actions cannot be hoisted on this path (the CLI under TypeScript 7, which has no transformer
   * API): each is then an error saying so. Absent: the transformer hoists them.
   */
  inlineUnavailable?: string;
}

function packageName(directory: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    const name = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).name : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Reads every 'use server' module of the program into the model, and every problem into issues. */
export function analyzeProgram(tsApi: typeof ts, program: ts.Program, pluginEntry: Record<string, unknown>, analysisOptions: AnalysisOptions = {}): ProgramAnalysis {
  const options = program.getCompilerOptions();
  const config = resolveConfig(pluginEntry, {
    configFilePath: typeof options.configFilePath === 'string' ? options.configFilePath : undefined,
    rootDir: options.rootDir,
    outDir: options.outDir,
    currentDirectory: program.getCurrentDirectory(),
  });
  const root = config.rootDir;
  const checker = program.getTypeChecker();
  const schemas = new SchemaRegistry();
  const issues: AnalysisIssue[] = [];
  const modules: ActionModule[] = [];
  const actions: Action[] = [];
  const extension = importExtension(tsApi, options);
  const namespaces = new NamespaceAllocator();
  const moduleFiles = new Map<string, string>();
  const inlineModules: InlineModule[] = [];
  const hoists = new Map<string, InlineHoist[]>();
  const addActions = (file: ts.SourceFile, found: Action[]): void => {
    for (const action of found) {
      const clash = actions.find((other) => other.route === action.route);
      if (clash) {
        issues.push(issueAt(file.statements[0] ?? file, 'actionwire/duplicate-route', `Two actions have the route ${config.basePath}/${action.route} (the other one is in ${clash.source.file}); rename one of the modules`));
        continue;
      }
      actions.push({ ...action, source: { ...action.source, file: projectRelativePath(config.projectDir, action.source.file) } });
    }
  };
  const analysis = { ts: tsApi, checker, schemas, issues, thrownErrors: new ThrownErrors(tsApi, checker, issues) };
  const inlineActionsOf = (file: ts.SourceFile, functions: readonly ts.FunctionLikeDeclaration[], moduleId: string, fileLevel: boolean, taken: ReadonlySet<string>): InlineAnalysis => {
    const inline = analyzeInlineActions(analysis, functions, moduleId, fileLevel, taken);
    if (analysisOptions.inlineUnavailable !== undefined) {
      for (const hoist of inline.hoists) issues.push(issueAt(hoist.node.name ?? hoist.node, 'actionwire/needs-transformer', `Inline action ${hoist.route.slice(moduleId.length + 1)}: ${analysisOptions.inlineUnavailable}`));
      return { actions: [], hoists: [] };
    }
    if (inline.hoists.length > 0) hoists.set(file.fileName, inline.hoists);
    return inline;
  };

  const files = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(file.fileName) && !isWithin(config.generatedDir, file.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));

  for (const file of files) {
    const scan = scanDirectives(tsApi, file);
    issues.push(...scan.issues);
    if (!scan.fileLevel && scan.inline.length === 0) continue;
    const moduleId = moduleIdOf(file.fileName, root);
    if (moduleId.startsWith('../')) {
      const what = scan.fileLevel ? `This 'use server' module` : `This module, which has inline 'use server' functions,`;
      issues.push(issueAt(scan.fileLevel ? file.statements[0] : scan.inline[0], 'actionwire/reserved-module-id', `${what} is outside the root directory ${root}; set rootDir to a directory that contains it`));
      continue;
    }
    const importPath = relativeImport(config.generatedDir, file.fileName, extension);
    const unimportable = unimportableModuleProblem(scan.fileLevel ? `This 'use server' module` : `This module, which has inline 'use server' functions,`, importPath);
    if (unimportable !== undefined) {
      issues.push(issueAt(scan.fileLevel ? file.statements[0] : scan.inline[0], 'actionwire/unimportable-file-name', unimportable));
      continue;
    }
    if (!scan.fileLevel) {
      const inline = inlineActionsOf(file, scan.inline, moduleId, false, new Set());
      if (inline.actions.length > 0) inlineModules.push({ moduleId, importPath });
      addActions(file, inline.actions);
      continue;
    }
    if (RESERVED_CLIENT_MODULES.has(moduleId)) {
      issues.push(
        issueAt(file.statements[0], 'actionwire/reserved-module-id', `A 'use server' module may not be called '${moduleId}' at the root directory: the generated client uses client/${moduleId}.ts; rename or move the file`),
      );
      continue;
    }
    const sameId = moduleFiles.get(moduleId);
    if (sameId !== undefined) {
      issues.push(
        issueAt(
          file.statements[0],
          'actionwire/duplicate-route',
          `This 'use server' module and ${sameId} both have the module id '${moduleId}', so their actions would share routes under ${config.basePath}/${moduleId}/; rename one of the files`,
        ),
      );
      continue;
    }
    moduleFiles.set(moduleId, projectRelativePath(config.projectDir, file.fileName));
    const found = analyzeActionModule(analysis, file, moduleId);
    const { namespace, takenBy } = namespaces.claim(moduleId);
    if (takenBy !== undefined) {
      issues.push(
        issueAt(
          file.statements[0],
          'actionwire/name-collision',
          `The 'use server' modules '${takenBy}' and '${moduleId}' would both be the namespace '${namespace}' of the generated client (client/index.js); rename one of the files`,
        ),
      );
      continue;
    }
    decideClientNames(found);
    const module: ActionModule = { moduleId, importPath, namespace };
    modules.push(module);
    addActions(file, found);
    addActions(file, inlineActionsOf(file, scan.inline, moduleId, true, new Set(found.map((action) => action.route))).actions);
  }

  const model: Model = {
    version: MODEL_VERSION,
    basePath: config.basePath,
    title: config.title ?? packageName(config.projectDir) ?? 'actionwire API',
    importExtension: extension,
    modules: modules.sort((a, b) => (a.moduleId < b.moduleId ? -1 : 1)),
    actions,
    schemas: schemas.sorted(),
  };
  if (config.security !== undefined) model.security = config.security;
  if (config.openapiVersion === '3.2') model.openapiVersion = '3.2';
  if (inlineModules.length > 0) model.inlineModules = inlineModules.sort((a, b) => (a.moduleId < b.moduleId ? -1 : 1));
  return { model, issues, config, hoists };
}
