import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { holdsText, readCached, writeCached } from './file-cache.js';
import { dirname, join, relative } from 'node:path';
import { GENERATED_HEADER } from '../../codegen/naming.js';

export interface WriteResult {
  written: string[];
  /** the written files that did not exist before */
  created: string[];
  unchanged: string[];
  removed: string[];
}

/** Writes `content` to `path` unless the file holds it already; says what it found. */
export function writeIfChanged(path: string, content: string): 'unchanged' | 'created' | 'rewritten' {
  if (holdsText(path, content)) return 'unchanged';
  const existed = existsSync(path);
  mkdirSync(dirname(path), { recursive: true });
  writeCached(path, content);
  return existed ? 'rewritten' : 'created';
}

function listFiles(directory: string): string[] {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** The OpenAPI document's module as TypeScript, as versions before the `.d.ts` and `.js` pair wrote it. */
const LEGACY_OPENAPI_DOCUMENT = 'openapi-document.ts';

/**
 * Writes each file only when its content changed (so watchers and incremental builds stay quiet),
 * and removes generated client files that are no longer generated: those of modules that are gone, and the
 * `.ts` client and `openapi-document.ts` of earlier versions (now `.d.ts` and `.js`), which module resolution
 * would prefer.
 */
export function writeGeneratedFiles(directory: string, files: ReadonlyMap<string, string>): WriteResult {
  const result: WriteResult = { written: [], created: [], unchanged: [], removed: [] };
  for (const [name, content] of files) {
    const path = join(directory, name);
    const outcome = writeIfChanged(path, content);
    if (outcome === 'unchanged') {
      result.unchanged.push(path);
      continue;
    }
    if (outcome === 'created') result.created.push(path);
    result.written.push(path);
  }
  for (const path of [...listFiles(join(directory, 'client')), join(directory, LEGACY_OPENAPI_DOCUMENT)]) {
    const name = relative(directory, path).split('\\').join('/');
    if (!files.has(name) && /\.(ts|js)$/.test(name) && (readCached(path) ?? '').startsWith(GENERATED_HEADER)) {
      rmSync(path);
      result.removed.push(path);
    }
  }
  return result;
}

/** The generated files whose content on disk differs from what would be generated. */
export function staleFiles(directory: string, files: ReadonlyMap<string, string>): string[] {
  return [...files].filter(([name, content]) => !holdsText(join(directory, name), content)).map(([name]) => join(directory, name));
}
