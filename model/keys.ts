/**
 * Keys the validators refuse wherever a type lets the client choose key names (records, index
 * signatures, `unknown`): as plain assignments (`Object.assign`, a recursive merge) they reach prototypes.
 */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The keys of `{ [key: number]: T }`: JSON numbers written as text. */
export const NUMERIC_KEY_PATTERN = '^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$';

/** The request body key (JSON) or form field that carries an inline action's sealed bound values. */
export const BOUND_KEY = '$bound';
