import { fromReference, isActionReference } from 'actionwire/client';

/** The props render/encode-props.ts wrote, revived: references become functions calling their action, `{"$date"}` Dates. */
export function decodeProps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeProps);
  if (typeof value !== 'object' || value === null) return value;
  if (isActionReference(value)) return fromReference(value);
  const { $date } = value as { $date?: unknown };
  if (typeof $date === 'string' && Object.keys(value).length === 1) return new Date($date);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeProps(item)]));
}
