import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.js';

const update = process.env.UPDATE_GOLDEN === '1';

/** The golden file `tests/golden/<name>`, rewritten with `text` first under UPDATE_GOLDEN=1 (review the diff before committing it). */
function golden(name: string, text: string): string {
  const path = join(repoRoot, 'tests', 'golden', name);
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 to write it, then review it`);
  }
}

/** Compares `value` with the JSON golden file `tests/golden/<name>.json`. */
export function expectGoldenJson(name: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  expect(JSON.parse(text)).toEqual(JSON.parse(golden(`${name}.json`, text)));
}

/** Compares `text` with the golden file `tests/golden/<name>` byte for byte. */
export function expectGoldenText(name: string, text: string): void {
  expect(text).toBe(golden(name, text));
}
