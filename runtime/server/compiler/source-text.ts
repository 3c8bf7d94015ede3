/** Pieces of JavaScript source that the validator and the serializer both write. */

export { pointerToken } from '../codec/decode-helpers.js';

/**
 * An own-property read as source. Names that exist on `Object.prototype` are read with `Object.hasOwn`,
 * so an absent key never yields an inherited member.
 */
export function ownPropertyRead(object: string, name: string): string {
  const key = JSON.stringify(name);
  return name in Object.prototype || name === '__proto__' ? `(Object.hasOwn(${object}, ${key}) ? ${object}[${key}] : undefined)` : `${object}[${key}]`;
}
