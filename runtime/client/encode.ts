import { toBase64 } from './base64.js';

/**
 * JSON for action arguments: what JSON has no type for is written as the server expects it —
 * bigint as a decimal string, Map as [key, value] pairs, Set as an array, bytes as base64
 * (Dates already write themselves as ISO strings).
 */
export function stringifyArguments(data: unknown): string {
  return JSON.stringify(data, function replace(this: Record<string, unknown>, key: string, value: unknown): unknown {
    const raw = key === '' ? value : this[key];
    if (typeof raw === 'bigint') return raw.toString();
    if (raw instanceof Uint8Array) return toBase64(raw);
    if (raw instanceof Map) return [...raw.entries()];
    if (raw instanceof Set) return [...raw];
    return value;
  });
}
