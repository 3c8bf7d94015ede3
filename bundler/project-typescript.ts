import * as nodeModule from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TS from 'typescript';
import { tsconfigPlugins } from '../transformer/analysis/config/tsconfig-plugins.js';
import { syntaxNamespace } from '../transformer/analysis-ts7/syntax-namespace.js';
import { TypeScript7Parser } from '../transformer/analysis-ts7/typescript-7-parser.js';
import { loadTypeScript7, type TypeScript7 } from '../transformer/analysis-ts7/typescript-7-modules.js';

/** What the plugins read with the project's TypeScript (5.9, 6 or 7, a peer dependency): syntax trees and its tsconfig. */
export interface ProjectTypeScript {
  version: string;
  /** the namespace module-syntax.ts reads syntax trees with: TypeScript 6's own, or TypeScript 7's through syntax-namespace.ts */
  ts: typeof TS;
  /** one file's syntax tree, its grammar (TypeScript, TSX, JavaScript, JSX) from the file name */
  parse(fileName: string, text: string): TS.SourceFile;
  /** the tsconfig's compiler options (absolute paths) and its `compilerOptions.plugins`, as the project's compiler reads them */
  readTsconfig(path: string): { options: TS.CompilerOptions; plugins: unknown };
  /** lets go of what the reading holds (TypeScript 7's compiler process); the next call takes it again */
  close(): void;
}

function scriptKind(ts: typeof TS, fileName: string): TS.ScriptKind {
  if (/\.[cm]?tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.[cm]?jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** TypeScript 5.9 or 6, whose compiler API parses and reads tsconfig files in this process. */
function typeScript6Reading(ts: typeof TS): ProjectTypeScript {
  return {
    version: ts.version,
    ts,
    parse: (fileName, text) => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(ts, fileName)),
    readTsconfig: (path) => {
      let unrecoverable: string | undefined;
      const commandLine = ts.getParsedCommandLineOfConfigFile(path, {}, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          unrecoverable = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        },
      });
      if (!commandLine) throw new Error(unrecoverable ?? 'unknown error');
      return { options: commandLine.options, plugins: commandLine.options.plugins };
    },
    close: () => undefined,
  };
}

/**
 * TypeScript 7, which has no compiler API in JavaScript: its compiler process parses (transformer/analysis-ts7's
 * parser) and reads compiler options; the plugin entry, which it drops, is read from the tsconfig's JSON.
 */
export function typeScript7Reading(typescript: TypeScript7): ProjectTypeScript {
  const parser = new TypeScript7Parser(typescript);
  return {
    version: typescript.version,
    ts: syntaxNamespace(typescript) as unknown as typeof TS,
    parse: (fileName, text) => parser.parse(fileName, text) as unknown as TS.SourceFile,
    readTsconfig: (path) => ({ options: parser.compilerOptions(path), plugins: tsconfigPlugins(path) }),
    close: () => parser.close(),
  };
}

/** The `typescript` that actionwire resolves — its peer dependency, the project's own — read the way its version allows. */
export async function loadProjectTypeScript(): Promise<ProjectTypeScript> {
  const require = nodeModule.createRequire(import.meta.url);
  let ts: typeof TS;
  try {
    // TypeScript 6 is one 9 MB CommonJS file: require() skips the ES module loader's scan for its named exports.
    ts = require('typescript') as typeof TS;
  } catch {
    throw new Error(`actionwire: the bundler plugins read modules with the project's TypeScript, and none is installed: npm install -D typescript (5.9, 6 or 7)`);
  }
  if (typeof ts.createSourceFile === 'function') return typeScript6Reading(ts);
  return typeScript7Reading(await loadTypeScript7(dirname(fileURLToPath(import.meta.url))));
}
