import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';

/** tsconfig.json is JSON with comments and trailing commas: the text as strict JSON. */
function withoutComments(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      const start = index;
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
      out += text.slice(start, index + 1);
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
      out += ' ';
    } else out += char;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

function readConfig(path: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(withoutComments(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/** The file an `extends` entry names: a path (`./base`, `../tsconfig.base.json`) or a package's config (`@tsconfig/node20`). */
function extendedFile(from: string, specifier: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const path = resolve(dirname(from), specifier);
    return existsSync(path) || path.endsWith('.json') ? path : `${path}.json`;
  }
  const require = createRequire(from);
  try {
    return require.resolve(specifier);
  } catch {
    return require.resolve(`${specifier}/tsconfig.json`);
  }
}

/**
 * `compilerOptions.plugins` of a tsconfig.json, following `extends` as TypeScript does (the file's own value, else
 * the last extended file's that has one). TypeScript 7 reads tsconfig files without keeping `plugins`, which no
 * compiler of its own uses; actionwire's entry is read here.
 */
export function tsconfigPlugins(tsconfig: string, seen = new Set<string>()): unknown {
  if (seen.has(tsconfig)) throw new Error(`${tsconfig} extends itself`);
  seen.add(tsconfig);
  const config = readConfig(tsconfig);
  const options = config.compilerOptions;
  if (typeof options === 'object' && options !== null && 'plugins' in options) return (options as Record<string, unknown>).plugins;
  const parents = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends.filter((each): each is string => typeof each === 'string') : [];
  for (const parent of parents.reverse()) {
    const plugins = tsconfigPlugins(extendedFile(tsconfig, parent), new Set(seen));
    if (plugins !== undefined) return plugins;
  }
  return undefined;
}
