import { readFileSync, statSync, writeFileSync } from 'node:fs';

interface Known {
  mtimeMs: number;
  size: number;
  text: string;
}

/**
 * A larger file read from disk is not kept (at 2,000 actions openapi.json alone is 5 MB): what is kept of it is
 * the caller's own text once it matched, or was written (the generated files' map holds that text anyway).
 */
const RETAINED_TEXT_LIMIT = 256 * 1024;

/**
 * Generated files as last read or written by this process, checked against their size and modification
 * time: a watch rebuild compares hundreds of generated files with what it would write, and a `stat` costs
 * far less than reading them again.
 */
const known = new Map<string, Known>();

function remember(path: string, text: string, stats: { mtimeMs: number; size: number }): void {
  known.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, text });
}

function readText(path: string, stats: { mtimeMs: number; size: number }): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length <= RETAINED_TEXT_LIMIT) remember(path, text, stats);
    else known.delete(path);
    return text;
  } catch {
    known.delete(path);
    return undefined;
  }
}

function statOf(path: string): { mtimeMs: number; size: number } | undefined {
  try {
    return statSync(path);
  } catch {
    known.delete(path);
    return undefined;
  }
}

function unchanged(cached: Known | undefined, stats: { mtimeMs: number; size: number }): cached is Known {
  return cached !== undefined && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size;
}

/** The file's text, or undefined when it does not exist. */
export function readCached(path: string): string | undefined {
  const stats = statOf(path);
  if (!stats) return undefined;
  const cached = known.get(path);
  if (unchanged(cached, stats)) return cached.text;
  return readText(path, stats);
}

/** Does the file hold exactly `text`? (false when it does not exist) */
export function holdsText(path: string, text: string): boolean {
  const stats = statOf(path);
  if (!stats) return false;
  const cached = known.get(path);
  if (unchanged(cached, stats)) return cached.text === text;
  if (stats.size !== Buffer.byteLength(text)) return false;
  if (readText(path, stats) !== text) return false;
  remember(path, text, stats);
  return true;
}

export function writeCached(path: string, text: string): void {
  writeFileSync(path, text);
  remember(path, text, statSync(path));
}
