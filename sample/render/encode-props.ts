import { toReference } from 'actionwire/server';

/**
 * A client root's props as JSON the page script can revive (web/decode-props.ts): an action becomes its
 * reference (`{"$action", "bound"}`, captured values sealed), a Date `{"$date": iso}`; undefined is left out.
 */
export function encodeProps(value: unknown): unknown {
  if (typeof value === 'function') return toReference(value as (...args: never[]) => unknown);
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeProps);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, encodeProps(item)]));
  }
  return value;
}
