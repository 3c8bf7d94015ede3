import type { IssueList } from '../problems/issue-list.js';
import { cut, MAX_KEY_TOKEN_CHARS } from '../problems/problem-bounds.js';

/** Helpers the generated validators call; each is small and tested on its own. */

/**
 * One JSON Pointer reference token; a key longer than MAX_KEY_TOKEN_CHARS is cut (and marked) before it
 * is escaped, so that no path repeats a long key, whatever the body holds.
 */
export function pointerToken(key: string): string {
  return cut(key, MAX_KEY_TOKEN_CHARS).replace(/~/g, '~0').replace(/\//g, '~1');
}

let stripUnknown = false;

/**
 * Runs a (synchronous) generated decoder under a policy for undeclared input properties:
 * 'reject' reports each one, 'strip' deletes them.
 */
export function withUnknownProperties<T>(policy: 'reject' | 'strip', decode: () => T): T {
  stripUnknown = policy === 'strip';
  try {
    return decode();
  } finally {
    stripUnknown = false;
  }
}

/**
 * How many enumerable keys `object` has, counted without allocating their list: the generated validators
 * compare it with the number of declared properties they saw, and look for undeclared ones only on a mismatch.
 */
export function keyCount(object: object): number {
  let count = 0;
  for (const _key in object) count++;
  return count;
}

/** Is the 'strip' policy in force (undeclared properties are dropped, not refused)? */
export function stripping(): boolean {
  return stripUnknown;
}

/** Reports (or, under the 'strip' policy, removes) every key of `object` that the type does not declare. */
export function unknownKeys(object: Record<string, unknown>, known: readonly string[], path: string, issues: IssueList): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    if (stripUnknown) delete object[key];
    else issues.add(`${path}/${pointerToken(key)}`, 'is not a declared property');
  }
}

/** Sets an own data property even for keys such as `__proto__`, which plain assignment would turn into a prototype change. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
