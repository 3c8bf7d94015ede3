import { isDateTime } from '../../shared/date-time.js';
import { RESERVED_KEYS, isNumberKey } from '../../../model/keys.js';
import { keyCount, pointerToken, setOwn, stripping, unknownKeys } from '../codec/decode-helpers.js';
import { bool, date, int, json, lit, mismatch, nul, num, oneOf, OutputMismatchError, str } from '../codec/encode-helpers.js';
import { reference } from '../references/reference-scope.js';
import { big, bytes, fromBase64, isBase64, isBigIntText } from '../codec/wire-helpers.js';

/** Thrown when one call's union trials exceed their budget: the arguments are refused as too complex. */
export class ValidationTooComplexError extends Error {
  constructor() {
    super('the arguments are too complex to validate');
  }
}

function tooComplex(): never {
  throw new ValidationTooComplexError();
}

const reserved = new Set(RESERVED_KEYS);

function isReservedKey(key: string): boolean {
  return reserved.has(key);
}

/** The JSON Pointer (from `value`) of the first reserved key anywhere inside it, or undefined. */
function reservedKeyPath(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const inner = reservedKeyPath(value[index]);
      if (inner !== undefined) return `/${index}${inner}`;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (reserved.has(key)) return `/${pointerToken(key)}`;
    const inner = reservedKeyPath((value as Record<string, unknown>)[key]);
    if (inner !== undefined) return `/${pointerToken(key)}${inner}`;
  }
  return undefined;
}

/**
 * How many of the value's own keys a union member accepts: those it declares, plus the others where it
 * is a record (`others`: 'any', or 'numeric' for number keys). 0 for anything but a plain object.
 */
function acceptedKeyCount(value: unknown, declared: readonly string[], others: 'none' | 'any' | 'numeric'): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 0;
  let count = 0;
  if (others === 'none') {
    for (const key of declared) if (Object.hasOwn(value, key)) count++;
    return count;
  }
  for (const key of Object.keys(value)) if (others === 'any' || declared.includes(key) || isNumberKey(key)) count++;
  return count;
}

/** A plain object, as an object type's value must be: not an array, Date, Map, Set or typed array. */
function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Map) && !(value instanceof Set) && !ArrayBuffer.isView(value);
}

/** Are all of the value's own keys, but the declared ones, number keys? */
function numericKeysOnly(value: object, declared: readonly string[]): boolean {
  for (const key of Object.keys(value)) if (!declared.includes(key) && !isNumberKey(key)) return false;
  return true;
}

/** The identity of a Map key or Set item: Dates by instant, bytes by content, anything else as itself. */
function keyOf(value: unknown): unknown {
  if (value instanceof Date) return `\u0000date:${value.getTime()}`;
  if (value instanceof Uint8Array) return `\u0000bytes:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}`;
  return value;
}

/** What compiled validators and serializers may call, by the names they use. */
export const SCOPE_HELPERS = {
  big,
  bool,
  bytes,
  date,
  acceptedKeyCount,
  fromBase64,
  int,
  isBase64,
  isBigIntText,
  isDateTime,
  isRecord,
  isReservedKey,
  json,
  keyCount,
  keyOf,
  lit,
  mismatch,
  nul,
  num,
  isNumberKey,
  numericKeysOnly,
  oneOf,
  OutputMismatchError,
  pointerToken,
  reference,
  reservedKeyPath,
  setOwn,
  str,
  stripping,
  tooComplex,
  unknownKeys,
};
