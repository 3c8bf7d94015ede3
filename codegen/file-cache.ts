import { readFileSync, statSync, writeFileSync } from 'node:fs';

interface Known {
  mtimeMs: number;
  size: number;
  text: string;
}

/**
 * Generated files as last read or written by this process, checked against their size and modification
 * time: a watch rebuild compares hundreds of generated files with what it would write, and a `stat` costs
 * far less than reading them again.
 */
const known = new Map<string, Known>();

/** The file's text, or undefined when it does not exist. */
export function readCached(path: string): string | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    known.delete(path);
    return undefined;
  }
  const cached = known.get(path);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.text;
  try {
    const text = readFileSync(path, 'utf8');
    known.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, text });
    return text;
  } catch {
    known.delete(path);
    return undefined;
  }
}

export function writeCached(path: string, text: string): void {
  writeFileSync(path, text);
  const stats = statSync(path);
  known.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, text });
}
