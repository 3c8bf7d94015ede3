import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, resolveConfig } from '../transformer/analysis/config/plugin-config.js';
import { findPluginEntry } from '../transformer/analysis/config/plugin-entry.js';
import type { ProjectTypeScript } from './project-typescript.js';

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
export function readProjectSettings(typescript: ProjectTypeScript, root: string, tsconfig = 'tsconfig.json'): ProjectSettings {
  const path = resolve(root, tsconfig);
  let read: ReturnType<ProjectTypeScript['readTsconfig']>;
  try {
    if (!existsSync(path)) throw new Error(`no such file`);
    read = typescript.readTsconfig(path);
  } catch (error) {
    throw new Error(`actionwire: cannot read ${path}: ${(error as Error).message} (the plugin's "tsconfig" option names the project's tsconfig.json, relative to the bundler's root)`);
  }
  const entry = findPluginEntry({ plugins: read.plugins });
  if (!entry) throw new Error(`actionwire: ${path} has no { "transform": "actionwire/transformer" } entry in compilerOptions.plugins: the plugin reads generatedDir from it`);
  try {
    const config = resolveConfig(entry, { configFilePath: path, rootDir: read.options.rootDir, outDir: read.options.outDir, currentDirectory: root });
    return { generatedDir: config.generatedDir, rootDir: config.rootDir, tsconfig: path };
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`actionwire: the plugin entry of ${path} has problems:\n${error.problems.map((problem) => `  ${problem}`).join('\n')}`);
    throw error;
  }
}
