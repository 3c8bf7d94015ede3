import { mismatch } from './encode-helpers.js';

/** Helpers the generated code calls for values JSON has no type for: bigint and bytes. */

const BIGINT_TEXT = /^-?(0|[1-9][0-9]*)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBigIntText(value: string): boolean {
  return value.length <= 4096 && BIGINT_TEXT.test(value);
}

/** Standard base64 with padding (RFC 4648 §4). */
export function isBase64(value: string): boolean {
  return value.length % 4 === 0 && BASE64.test(value);
}

export function fromBase64(value: string): Uint8Array {
  const buffer = Buffer.from(value, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * A bigint as a JSON string of its decimal digits. A number is refused like any other mismatch: taken
 * for a bigint, it would also change how a union holding both is written (`0` and `"0"`).
 */
export function big(value: unknown, where: string): string {
  return typeof value === 'bigint' ? `"${value.toString()}"` : mismatch(where, 'a bigint', value);
}

export function bytes(value: unknown, where: string): string {
  if (!(value instanceof Uint8Array)) return mismatch(where, 'a Uint8Array', value);
  return `"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"`;
}
