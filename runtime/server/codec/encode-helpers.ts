import { inDateRange, isDateTime } from '../../shared/date-time.js';

/**
 * Helpers the generated serializers call: each writes one JSON value of a declared type,
 * or throws an OutputMismatchError naming where the action's value broke its own return type.
 */

export class OutputMismatchError extends Error {
  override name = 'OutputMismatchError';
  constructor(
    readonly where: string,
    readonly expected: string,
    actual: unknown,
  ) {
    super(`the action's value does not match its declared return type at ${where}: expected ${expected}, got ${describe(actual)}`);
  }
}

/** The value that broke the type, as a log line should name it: bounded in length, NaN as NaN. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  switch (typeof value) {
    case 'number':
      return `number ${String(value)}`;
    case 'bigint':
      return `bigint ${String(value)}n`;
    case 'string':
      return value.length <= SHOWN_CHARACTERS ? `string ${JSON.stringify(value)}` : `string ${JSON.stringify(value.slice(0, SHOWN_CHARACTERS)).slice(0, -1)}…" (${value.length} characters)`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const SHOWN_CHARACTERS = 80;

export function mismatch(where: string, expected: string, actual: unknown): never {
  throw new OutputMismatchError(where, expected, actual);
}

// JSON.stringify of a string is the one escaping routine that is both exact and fast in V8.
export function str(value: unknown, where: string): string {
  return typeof value === 'string' ? JSON.stringify(value) : mismatch(where, 'a string', value);
}

export function num(value: unknown, where: string): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : mismatch(where, 'a finite number', value);
}

export function int(value: unknown, where: string): string {
  return Number.isInteger(value) ? String(value) : mismatch(where, 'an integer', value);
}

export function bool(value: unknown, where: string): string {
  return value === true ? 'true' : value === false ? 'false' : mismatch(where, 'a boolean', value);
}

export function nul(value: unknown, where: string): string {
  return value === null ? 'null' : mismatch(where, 'null', value);
}

export function lit(value: unknown, expected: string | number | boolean, where: string): string {
  return value === expected ? JSON.stringify(value) : mismatch(where, JSON.stringify(expected), value);
}

export function oneOf(value: unknown, allowed: ReadonlyArray<string | number | boolean>, where: string): string {
  return allowed.includes(value as string) ? JSON.stringify(value) : mismatch(where, `one of ${JSON.stringify(allowed)}`, value);
}

/** A Date as its ISO string; a string that is already an RFC 3339 date-time is written as the same instant. */
export function date(value: unknown, where: string): string {
  if (value instanceof Date) {
    // RFC 3339 has four-digit years only; toISOString would write "+010000-…"
    return inDateRange(value.getTime()) ? `"${value.toISOString()}"` : mismatch(where, 'a valid Date between the years 0 and 9999', value);
  }
  if (typeof value === 'string' && isDateTime(value)) return JSON.stringify(new Date(value).toISOString());
  return mismatch(where, 'a Date', value);
}

/** JSON.stringify would write a Map or Set as `{}` and bytes as `{"0":…}`: for `unknown`, they break the type instead. */
function plainJsonOnly(_key: string, value: unknown): unknown {
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) throw new TypeError(`a ${value.constructor.name} has no JSON form`);
  return value;
}

/**
 * Any JSON value (`unknown`); what JSON cannot say becomes null, as JSON.stringify does in arrays. A value
 * JSON would garble or refuses (a Map, a Set, bytes, a bigint, a cycle) breaks the declared type like any
 * other mismatch, so a union tries its other members.
 */
export function json(value: unknown, where: string): string {
  try {
    return JSON.stringify(value, plainJsonOnly) ?? 'null';
  } catch (error) {
    return mismatch(where, `JSON (${error instanceof Error ? error.message : String(error)})`, value);
  }
}
