import { isDateTime, keyCount, pointerToken, setOwn, unknownKeys } from './decode-helpers.js';
import { bool, date, int, json, lit, mismatch, nul, num, oneOf, str } from './encode-helpers.js';
import type { Issue } from './problem.js';
import { big, bytes, fromBase64, isBase64, isBigIntText } from './wire-helpers.js';

export type Decoder = (body: unknown, issues: Issue[]) => unknown[];
export type Encoder = (value: unknown) => string;

/** What the generated validators and serializers may call, by the names they use. */
const HELPERS = { big, bool, bytes, date, fromBase64, int, isBase64, isBigIntText, isDateTime, json, keyCount, lit, mismatch, nul, num, oneOf, pointerToken, setOwn, str, unknownKeys };

export interface RouteFunctions {
  decoder(index: number): Decoder;
  encoder(index: number): Encoder;
}

/**
 * Compiles the validators and serializers that `routes.ts` carries as JavaScript source: a function
 * body that returns one `[decode, encode]` pair per action. Compiled once per process, like ajv's
 * schemas; a process started with `--disallow-code-generation-from-strings` cannot load the routes.
 */
export function compileRouteFunctions(basePath: string, source: string): RouteFunctions {
  const names = Object.keys(HELPERS);
  const sourceUrl = `actionwire-routes${basePath.replace(/[^\w/-]/g, '_')}.js`;
  const build = new Function(...names, `'use strict';\n${source}\n//# sourceURL=${sourceUrl}`) as (...helpers: unknown[]) => Array<[Decoder, Encoder | undefined]>;
  const table = build(...Object.values(HELPERS));
  const entry = (index: number): [Decoder, Encoder | undefined] => {
    const found = table[index];
    if (!found) throw new Error(`actionwire: the generated routes have no action #${index}; generate them again`);
    return found;
  };
  return {
    decoder: (index) => entry(index)[0],
    encoder: (index) => {
      const encode = entry(index)[1];
      if (!encode) throw new Error(`actionwire: the generated action #${index} has no serializer; generate the routes again`);
      return encode;
    },
  };
}
