import { isAbsolute, join, relative } from 'node:path';
import type ts from 'typescript';
import { generateFiles, generateServerScripts, OPENAPI_DOCUMENT_MODULE } from '../../codegen/generate.js';
import { writeIfChanged } from './write.js';
import type { Model } from '../../model/model.js';
import { once } from '../../model/once.js';

/** Where a build writes its output, as far as the generated client is concerned. */
export interface OutputLayout {
  /** absolute */
  rootDir: string;
  /** absolute */
  generatedDir: string;
  options: ts.CompilerOptions;
  /** Does the build emit CommonJS for a script at this path? (the compiler's rule: `commonJsRule`) */
  emitsCommonJs(path: string): boolean;
  /**
   * The generated scripts as CommonJS, by path relative to the generated directory, for a build that emits
   * CommonJS (made when first needed). Without it, scripts are copied as they are.
   */
  commonJsScripts?: () => ReadonlyMap<string, string>;
}

type ModuleKindOf = (options: ts.CompilerOptions) => ts.ModuleKind;

/** Whether the build emits CommonJS for a TypeScript file at a path, as TypeScript 5.9 or 6 decides it. */
export function commonJsRule(tsApi: typeof ts, options: ts.CompilerOptions): (path: string) => boolean {
  return (path) => emitsCommonJs(tsApi, options, path);
}

function emitsCommonJs(tsApi: typeof ts, options: ts.CompilerOptions, path: string): boolean {
  // TypeScript's own default (it depends on target, and differs between versions); not in its public typings
  const emitModuleKind = (tsApi as typeof ts & { getEmitModuleKind?: ModuleKindOf }).getEmitModuleKind;
  const kind = emitModuleKind ? emitModuleKind(options) : (options.module ?? tsApi.ModuleKind.ESNext);
  if (kind === tsApi.ModuleKind.CommonJS) return true;
  if (kind < tsApi.ModuleKind.Node16 || kind > tsApi.ModuleKind.NodeNext) return false;
  return tsApi.getImpliedNodeFormatForFile(path.replace(/\.js$/, '.ts'), undefined, tsApi.sys, options) === tsApi.ModuleKind.CommonJS;
}

/** The script `name` as the build runs it at `path`. */
function scriptAt(layout: OutputLayout, name: string, path: string, script: string): string {
  if (layout.commonJsScripts === undefined || !layout.emitsCommonJs(path)) return script;
  return layout.commonJsScripts().get(name) ?? script;
}

function outputPath(directory: string | undefined, layout: OutputLayout, source: string): string | undefined {
  if (directory === undefined) return undefined;
  const inside = relative(layout.rootDir, source);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return join(directory, inside);
}

/** A server build's output layout: its scripts in CommonJS made from `model` when the build emits CommonJS somewhere. */
export function serverLayout(rootDir: string, generatedDir: string, options: ts.CompilerOptions, emitsCommonJs: (path: string) => boolean, model: Model): OutputLayout {
  return { rootDir, generatedDir, options, emitsCommonJs, commonJsScripts: once(() => generateServerScripts(model, 'cjs')) };
}

/**
 * Every generated file as written into the generated directory: scripts are ES modules, unless the build
 * emits beside its sources (no `outDir`): there they are its output, in the format it emits.
 */
export function generatedDirFiles(layout: OutputLayout, model: Model): Map<string, string> {
  const { options } = layout;
  const inPlace = options.outDir === undefined && !options.noEmit && !options.emitDeclarationOnly;
  return generateFiles(model, inPlace && layout.emitsCommonJs(join(layout.generatedDir, 'client', 'index.js')) ? 'cjs' : 'esm');
}

/**
 * The generated files a build's output needs beside what the compiler emits (absolute path → text): the
 * scripts (the client's and the OpenAPI document's) in the output directory, in the module format the build emits there, and — when the build
 * emits declarations — the declarations, which the project's own declarations may import. `files`: generated
 * files by their path relative to the generated directory.
 */
export function generatedOutputs(layout: OutputLayout, files: ReadonlyMap<string, string>): Map<string, string> {
  const { options } = layout;
  const outputs = new Map<string, string>();
  if (options.noEmit) return outputs;
  const emitsDeclarations = Boolean(options.declaration || options.composite);
  for (const [name, text] of files) {
    if (!name.startsWith('client/') && !name.startsWith(`${OPENAPI_DOCUMENT_MODULE}.`)) continue;
    const source = join(layout.generatedDir, name);
    if (name.endsWith('.d.ts')) {
      const target = emitsDeclarations ? outputPath(options.declarationDir ?? options.outDir, layout, source) : undefined;
      if (target !== undefined && target !== source) outputs.set(target, text);
    } else if (name.endsWith('.js') && !options.emitDeclarationOnly) {
      const target = outputPath(options.outDir, layout, source);
      if (target !== undefined && target !== source) outputs.set(target, scriptAt(layout, name, target, text));
    }
  }
  return outputs;
}

/** Writes each output whose content differs from what is on disk. */
export function writeOutputs(outputs: ReadonlyMap<string, string>): void {
  for (const [path, text] of outputs) writeIfChanged(path, text);
}

/**
 * The program, writing `outputs` once it has emitted (not when emit is skipped: `noEmit`, or `noEmitOnError`
 * with errors). A watch builder emits file by file: the first emit that is not skipped writes them.
 */
export function withGeneratedOutputs(program: ts.Program, outputs: () => ReadonlyMap<string, string>): ts.Program {
  const emit = program.emit.bind(program);
  let written = false;
  program.emit = (targetSourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers) => {
    const result = emit(targetSourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers);
    if (!written && !result.emitSkipped) {
      written = true;
      writeOutputs(outputs());
    }
    return result;
  };
  return program;
}
