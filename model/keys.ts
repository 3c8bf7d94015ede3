/**
 * Keys the validators refuse wherever a type lets the client choose key names (records, index
 * signatures, `unknown`): as plain assignments (`Object.assign`, a recursive merge) they reach prototypes.
 */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * The keys of `{ [key: number]: T }`: a number as JavaScript writes it (`String(n)`: `1`, `-0.25`, `1e+21`,
 * `NaN`), which is what TypeScript accepts as a number key in an object literal (`"1e3"`, `"01"`, `"-0"` are not).
 */
export function isNumberKey(key: string): boolean {
  return String(Number(key)) === key;
}

/** A pattern every number key matches, for JSON Schema (which cannot say "round-trips through a double"). */
export const NUMERIC_KEY_PATTERN = '^(?:NaN|-?Infinity|-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:e[+-][0-9]+)?)$';

/** The request body key (JSON) or form field that carries an inline action's sealed bound values. */
export const BOUND_KEY = '$bound';

/**
 * The optional property through which `FormFields<T>` carries its fields' type `T`: a type-level marker only
 * (no form has it), so a plain FormData is still a `FormFields<T>` wherever React passes one.
 */
export const FORM_FIELDS_KEY = '~fields';
