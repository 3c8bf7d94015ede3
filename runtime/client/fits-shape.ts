import type { MemberShape } from '../../model/member-shape.js';
import { isDateTime } from '../shared/date-time.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The forms the server writes a bigint and bytes in. */
export const BIGINT_TEXT = /^-?(0|[1-9][0-9]*)$/;
export const BASE64_TEXT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Could `value` (parsed JSON) be the JSON of a union member of this shape? */
export function fitsShape(value: unknown, shape: MemberShape): boolean {
  switch (shape) {
    case 's':
      return typeof value === 'string';
    case 'D':
      return typeof value === 'string' && isDateTime(value);
    case 'B':
      return typeof value === 'string' && BIGINT_TEXT.test(value);
    case 'Y':
      return typeof value === 'string' && BASE64_TEXT.test(value);
    case 'n':
      return typeof value === 'number';
    case 'b':
      return typeof value === 'boolean';
    case 'z':
      return value === null;
    case 'A':
      return Array.isArray(value);
    case 'o':
      return isObject(value);
    case '*':
      return true;
  }
  switch (shape[0]) {
    case '=':
      return value === shape[1];
    case '|':
      return shape[1].some((member) => fitsShape(value, member));
    case 'O': {
      if (!isObject(value)) return false;
      const [, keys, required, open] = shape;
      if (!required.every((key) => Object.hasOwn(value, key))) return false;
      return Object.keys(value).every((key) => (Object.hasOwn(keys, key) ? fitsShape(value[key], keys[key] as MemberShape) : open === 1));
    }
  }
}
