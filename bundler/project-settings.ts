import * as nodeModule from 'node:module';
import { resolve } from 'node:path';
import type * as TS from 'typescript';
import { ConfigError, resolveConfig } from '../transformer/analysis/config/plugin-config.js';
import { findPluginEntry } from '../transformer/analysis/config/plugin-entry.js';

// TypeScript is one 9 MB CommonJS file: require() skips the ES module loader's scan for its named exports.
export const ts = nodeModule.createRequire(import.meta.url)('typescript') as typeof TS;

/** Where the generated client of the project lives, as its tsconfig's actionwire entry says. */
export interface ProjectSettings {
  /** absolute */
  generatedDir: string;
  /** absolute: compilerOptions.rootDir, which module ids are relative to */
  rootDir: string;
  /** absolute path of the tsconfig.json read */
  tsconfig: string;
}

/**
 * Reads the tsconfig's compiler options and its actionwire plugin entry — the same reading and checks as
 * tspc and actionwire generate, so the plugin finds the generated client where they write it.
 */
export function readProjectSettings(root: string, tsconfig = 'tsconfig.json'): ProjectSettings {
  const path = resolve(root, tsconfig);
  let unrecoverable: string | undefined;
  const commandLine = ts.getParsedCommandLineOfConfigFile(path, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    },
  });
  if (!commandLine) throw new Error(`actionwire: cannot read ${path}: ${unrecoverable ?? 'unknown error'} (the plugin's "tsconfig" option names the project's tsconfig.json, relative to the bundler's root)`);
  const entry = findPluginEntry(commandLine.options);
  if (!entry) throw new Error(`actionwire: ${path} has no { "transform": "actionwire/transformer" } entry in compilerOptions.plugins: the plugin reads generatedDir from it`);
  try {
    const config = resolveConfig(entry, { configFilePath: path, rootDir: commandLine.options.rootDir, outDir: commandLine.options.outDir, currentDirectory: root });
    return { generatedDir: config.generatedDir, rootDir: config.rootDir, tsconfig: path };
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`actionwire: the plugin entry of ${path} has problems:\n${error.problems.map((problem) => `  ${problem}`).join('\n')}`);
    throw error;
  }
}
