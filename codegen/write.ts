import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { holdsText, readCached, writeCached } from './file-cache.js';
import { dirname, join, relative } from 'node:path';
import { GENERATED_HEADER } from './naming.js';

export interface WriteResult {
  written: string[];
  /** the written files that did not exist before */
  created: string[];
  unchanged: string[];
  removed: string[];
}

function readIfExists(path: string): string | undefined {
  return readCached(path);
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

/**
 * Writes each file only when its content changed (so watchers and incremental builds stay quiet),
 * and removes generated client files that are no longer generated: those of modules that are gone, and the
 * `.ts` client of earlier versions (now `.d.ts` and `.js`), which module resolution would prefer.
 */
export function writeGeneratedFiles(directory: string, files: ReadonlyMap<string, string>): WriteResult {
  const result: WriteResult = { written: [], created: [], unchanged: [], removed: [] };
  for (const [name, content] of files) {
    const path = join(directory, name);
    if (holdsText(path, content)) {
      result.unchanged.push(path);
      continue;
    }
    if (!existsSync(path)) result.created.push(path);
    mkdirSync(dirname(path), { recursive: true });
    writeCached(path, content);
    result.written.push(path);
  }
  for (const path of listFiles(join(directory, 'client'))) {
    const name = relative(directory, path).split('\\').join('/');
    if (!files.has(name) && /\.(ts|js)$/.test(name) && (readIfExists(path) ?? '').startsWith(GENERATED_HEADER)) {
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
