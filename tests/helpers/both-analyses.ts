import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { analyzeProgram, type ProgramAnalysis } from '../../transformer/analysis/analyze.js';
import { resolveGeneratedDir } from '../../transformer/analysis/config/plugin-config.js';
import { isWithin } from '../../transformer/analysis/names/module-paths.js';
import { loadTypeScript7 } from '../../transformer/analysis-ts7/typescript-7-modules.js';
import { TypeScript7Session } from '../../transformer/analysis-ts7/typescript-7-session.js';
import { commonJsRule, generatedDirFiles, serverLayout } from '../../transformer/output/generated-output.js';
import { repoRoot } from './paths.js';

/** What one analysis gives a project: its model, issues where they point, and the generated directory's files. */
export interface AnalysisOutcome {
  model: ProgramAnalysis['model'];
  issues: Array<{ file: string; line: number; column: number; code: string; severity: string; message: string }>;
  files: Map<string, string>;
}

interface Project {
  options: ts.CompilerOptions;
  fileNames: string[];
  entry: Record<string, unknown>;
  generatedDir: string;
}

function readProject(tsconfig: string): Project {
  const commandLine = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } });
  if (!commandLine) throw new Error(`cannot read ${tsconfig}`);
  const entry = (commandLine.options.plugins as unknown as Array<Record<string, unknown>>)[0];
  if (!entry) throw new Error(`${tsconfig} has no plugin entry`);
  const generatedDir = resolveGeneratedDir(entry, dirname(tsconfig), resolve(commandLine.options.rootDir ?? dirname(tsconfig)));
  return { options: commandLine.options, fileNames: commandLine.fileNames, entry, generatedDir };
}

type Locate = (fileName: string, position: number) => { line: number; character: number } | undefined;

function outcome(project: Project, analysis: ProgramAnalysis, locate: Locate): AnalysisOutcome {
  const layout = serverLayout(analysis.config.rootDir, analysis.config.generatedDir, project.options, commonJsRule(ts, project.options), analysis.model);
  return {
    model: analysis.model,
    issues: analysis.issues.map((issue) => {
      const where = locate(issue.fileName, issue.start) ?? { line: -1, character: -1 };
      return { file: issue.fileName, line: where.line + 1, column: where.character + 1, code: issue.code, severity: issue.severity, message: issue.message };
    }),
    files: generatedDirFiles(layout, analysis.model),
  };
}

/** The analysis as `actionwire generate` runs it on TypeScript 6: the generated files are read as empty modules. */
export function analyzeOnTypeScript6(tsconfig: string, inlineUnavailable?: string): AnalysisOutcome {
  const project = readProject(tsconfig);
  const host = ts.createCompilerHost(project.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, onError, shouldCreate) =>
    isWithin(project.generatedDir, resolve(fileName)) ? ts.createSourceFile(fileName, 'export {};\n', version) : getSourceFile(fileName, version, onError, shouldCreate);
  const program = ts.createProgram({ rootNames: project.fileNames.filter((name) => !isWithin(project.generatedDir, resolve(name))), options: project.options, host });
  return outcome(project, analyzeProgram(ts, program, project.entry, { inlineUnavailable }), (fileName, position) => program.getSourceFile(fileName)?.getLineAndCharacterOfPosition(position));
}

/**
 * The same on TypeScript 7 (this repository's devDependency `typescript-7`), through its checker API; the plugin
 * entry comes from TypeScript 6's reading of the tsconfig, the rest from TypeScript 7's.
 */
export async function analyzeOnTypeScript7(tsconfig: string, inlineUnavailable?: string): Promise<AnalysisOutcome> {
  const project = readProject(tsconfig);
  const session = new TypeScript7Session(await loadTypeScript7(repoRoot, 'typescript-7'), tsconfig);
  try {
    const { analysis, sourceFile } = session.analyze(project.entry, project.generatedDir, { inlineUnavailable });
    return outcome(project, analysis, (fileName, position) => sourceFile(fileName)?.getLineAndCharacterOfPosition(position));
  } finally {
    session.close();
  }
}
