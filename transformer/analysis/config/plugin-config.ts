import { dirname, relative, resolve } from 'node:path';
import { closest } from '../edit-distance.js';
import { isWithin } from '../names/module-paths.js';
import { checkSecurityOption } from './security-option.js';
import type { ApiSecurity } from '../../../model/model.js';

/** The plugin entry of tsconfig.json, as written by the user. */
export interface PluginConfig {
  generatedDir?: string;
  basePath?: string;
  mode?: 'server' | 'client';
  /** `info.title` of the OpenAPI document; defaults to the package name */
  title?: string;
  /** report actionwire's warnings as errors (they fail the build); default false */
  warningsAsErrors?: boolean;
  /** how callers authenticate, declared in the OpenAPI document: `{ "cookie": "session" }`, `{ "header": "Authorization", "scheme": "bearer" }` */
  security?: { cookie?: string; header?: string; scheme?: string; required?: boolean };
  /** the OpenAPI version of openapi.json: "3.1" (the default) or "3.2" (streams described with `itemSchema`) */
  openapiVersion?: '3.1' | '3.2';
}

export interface ResolvedConfig {
  /** absolute */
  generatedDir: string;
  basePath: string;
  mode: 'server' | 'client';
  title: string | undefined;
  warningsAsErrors: boolean;
  security: ApiSecurity | undefined;
  openapiVersion: '3.1' | '3.2';
  /** the directory of tsconfig.json (or the working directory) */
  projectDir: string;
  /** absolute: compilerOptions.rootDir, which every route is relative to */
  rootDir: string;
}

/** What the configuration is checked against: the compiler options that matter to it. */
export interface ProjectSettings {
  configFilePath: string | undefined;
  rootDir: string | undefined;
  outDir: string | undefined;
  currentDirectory: string;
}

/** Every problem with the plugin entry, each with the fix; nothing is generated until they are fixed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const OWN_OPTIONS = ['generatedDir', 'basePath', 'mode', 'title', 'warningsAsErrors', 'security', 'openapiVersion'] as const;
/** The keys ts-patch itself reads from a plugin entry. */
const TS_PATCH_OPTIONS = ['transform', 'transformProgram', 'type', 'import', 'isEsm', 'after', 'afterDeclarations', 'resolvePathAliases', 'tsConfig', 'name'];

function optionType(entry: Record<string, unknown>, key: string, type: 'string' | 'boolean', problems: string[]): void {
  const value = entry[key];
  if (value !== undefined && typeof value !== type) problems.push(`"${key}" must be a ${type}, got ${JSON.stringify(value)}`);
}

function unknownOptions(entry: Record<string, unknown>, problems: string[]): void {
  const known: readonly string[] = [...OWN_OPTIONS, ...TS_PATCH_OPTIONS];
  for (const key of Object.keys(entry)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, OWN_OPTIONS);
    problems.push(`unknown option "${key}"${suggestion ? `: did you mean "${suggestion}"?` : ''} (actionwire reads ${OWN_OPTIONS.map((name) => `"${name}"`).join(', ')})`);
  }
}

function checkBasePath(entry: Record<string, unknown>, problems: string[]): string {
  const raw = typeof entry.basePath === 'string' ? entry.basePath : '/actions';
  const basePath = raw.replace(/\/+$/, '');
  if (basePath !== '' && !/^\/[A-Za-z0-9._~\-/]*$/.test(basePath)) {
    problems.push(`"basePath" must start with '/' and hold only URL path characters, got ${JSON.stringify(raw)}`);
  }
  return basePath;
}

function checkOpenApiVersion(entry: Record<string, unknown>, problems: string[]): '3.1' | '3.2' {
  const version = entry.openapiVersion ?? '3.1';
  if (version === '3.1' || version === '3.2') return version;
  problems.push(`"openapiVersion" must be "3.1" or "3.2", got ${JSON.stringify(version)}`);
  return '3.1';
}

function checkMode(entry: Record<string, unknown>, problems: string[]): 'server' | 'client' {
  const mode = entry.mode ?? 'server';
  if (mode === 'server' || mode === 'client') return mode;
  problems.push(`"mode" must be "server" or "client", got ${JSON.stringify(mode)}`);
  return 'server';
}

/** The plugin entry's `generatedDir` as an absolute path (`<rootDir>/generated` by default). */
export function resolveGeneratedDir(entry: Record<string, unknown>, projectDir: string, rootDir: string): string {
  return typeof entry.generatedDir === 'string' && entry.generatedDir !== '' ? resolve(projectDir, entry.generatedDir) : resolve(rootDir, 'generated');
}

function checkDirectories(generatedDir: string, projectDir: string, settings: ProjectSettings, problems: string[]): void {
  const { rootDir, outDir } = settings;
  if (rootDir === undefined) {
    problems.push(
      'compilerOptions.rootDir is not set: every route is the module\'s path relative to rootDir, so without it routes would change whenever a file is added elsewhere. Set "rootDir" (e.g. "src") in tsconfig.json',
    );
    return;
  }
  const root = resolve(rootDir);
  const suggestion = relative(projectDir, resolve(root, 'generated')) || 'generated';
  if (!isWithin(root, generatedDir)) {
    problems.push(`"generatedDir" (${generatedDir}) is outside rootDir (${root}): the generated .ts files are compiled with your code, so they must be under rootDir. Use e.g. "${suggestion}"`);
  } else if (generatedDir === root) {
    problems.push(`"generatedDir" is rootDir itself (${root}): it would mix generated files with your sources. Use a directory of its own, e.g. "${suggestion}"`);
  }
  if (outDir !== undefined) {
    const out = resolve(outDir);
    if (isWithin(out, generatedDir) || isWithin(generatedDir, out)) {
      problems.push(`"generatedDir" (${generatedDir}) and outDir (${out}) overlap: the compiled output would land among the generated sources. Keep them apart`);
    }
  }
}

/**
 * Checks the plugin entry against the project and resolves it; throws a ConfigError listing every
 * problem (unknown options with a suggestion, wrong types, directories that cannot work).
 */
export function resolveConfig(entry: Record<string, unknown>, settings: ProjectSettings): ResolvedConfig {
  const problems: string[] = [];
  unknownOptions(entry, problems);
  optionType(entry, 'generatedDir', 'string', problems);
  optionType(entry, 'basePath', 'string', problems);
  optionType(entry, 'title', 'string', problems);
  optionType(entry, 'warningsAsErrors', 'boolean', problems);
  if (entry.generatedDir === '') problems.push('"generatedDir" is empty: name a directory under rootDir, e.g. "src/generated"');
  if (entry.transformProgram !== true) {
    problems.push('"transformProgram" must be true: actionwire is a program transformer (it adds the generated files to the program)');
  }
  const basePath = checkBasePath(entry, problems);
  const mode = checkMode(entry, problems);
  const openapiVersion = checkOpenApiVersion(entry, problems);
  const security = checkSecurityOption(entry.security, problems);
  const projectDir = settings.configFilePath ? dirname(settings.configFilePath) : settings.currentDirectory;
  const rootDir = resolve(settings.rootDir ?? projectDir);
  const generatedDir = resolveGeneratedDir(entry, projectDir, rootDir);
  checkDirectories(generatedDir, projectDir, settings, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    generatedDir,
    basePath,
    mode,
    title: typeof entry.title === 'string' ? entry.title : undefined,
    warningsAsErrors: entry.warningsAsErrors === true,
    security,
    openapiVersion,
    projectDir,
    rootDir,
  };
}
