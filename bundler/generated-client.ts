import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CLIENT_MODULE_EXPORTS } from '../model/client-layout.js';
import { moduleIdOf, toPosix } from '../transformer/analysis/names/module-paths.js';
import { valueExportNames } from './module-syntax.js';
import type { ProjectSettings } from './project-settings.js';
import type { ProjectTypeScript } from './project-typescript.js';

/** `src/app/users.ts` under rootDir `src` → `<generatedDir>/client/app/users.js`, where tspc and actionwire generate write its client. */
export function generatedClientPath(settings: ProjectSettings, fileName: string): string {
  return join(settings.generatedDir, 'client', `${moduleIdOf(fileName, settings.rootDir)}.js`);
}

/** The generated client module's actions (its exports but `bind`), or undefined when it does not exist. */
export function generatedActionNames(typescript: ProjectTypeScript, path: string): Set<string> | undefined {
  if (!existsSync(path)) return undefined;
  const file = typescript.parse(path, readFileSync(path, 'utf8'));
  return new Set(valueExportNames(typescript.ts, file).names.filter((name) => !CLIENT_MODULE_EXPORTS.has(name)));
}

/** The import specifier of the generated client module from the server module it stands for. */
export function specifierFrom(fileName: string, clientPath: string): string {
  const path = toPosix(relative(dirname(fileName), clientPath));
  return path.startsWith('.') ? path : `./${path}`;
}
