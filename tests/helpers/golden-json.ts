import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.js';

const update = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `value` with the JSON golden file `tests/golden/<name>.json`; with UPDATE_GOLDEN=1 it
 * rewrites the file first (review the diff before committing it).
 */
export function expectGoldenJson(name: string, value: unknown): void {
  const path = join(repoRoot, 'tests', 'golden', `${name}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  let golden: string;
  try {
    golden = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 to write it, then review it`);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(golden));
}

/** Compares `text` with the golden file `tests/golden/<name>` byte for byte; UPDATE_GOLDEN=1 rewrites it first. */
export function expectGoldenText(name: string, text: string): void {
  const path = join(repoRoot, 'tests', 'golden', name);
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  let golden: string;
  try {
    golden = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 to write it, then review it`);
  }
  expect(text).toBe(golden);
}
