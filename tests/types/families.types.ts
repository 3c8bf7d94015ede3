/**
 * Compiled by `tsc -p tests` in `npm test`: the generated client's signatures must accept and
 * return exactly what the server's do. Mutual assignability, not identity: the wire cannot
 * carry a brand, an enum's nominal identity, or "present but undefined", so those families
 * (objects, enums, optional) are checked by their round trips and, value by value against the
 * server's validator, by client-strictness.test.ts.
 */
import type * as server from './families-server.js';
import type * as client from './families-client.js';

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameCall<A extends (...args: never[]) => unknown, B extends (...args: never[]) => unknown> = Mutual<Parameters<A>, Parameters<B>> extends true
  ? Mutual<Awaited<ReturnType<A>>, Awaited<ReturnType<B>>>
  : false;

export const families: [
  SameCall<typeof client.primitives.scalars, typeof server.primitives.scalars>,
  SameCall<typeof client.primitives.several, typeof server.primitives.several>,
  SameCall<typeof client.arrays.lists, typeof server.arrays.lists>,
  SameCall<typeof client.unions.unions, typeof server.unions.unions>,
  SameCall<typeof client.records.records, typeof server.records.records>,
  SameCall<typeof client.utility.utility, typeof server.utility.utility>,
  SameCall<typeof client.generics.pages, typeof server.generics.pages>,
  SameCall<typeof client.recursive.tree, typeof server.recursive.tree>,
  SameCall<typeof client.recursive.json, typeof server.recursive.json>,
  SameCall<typeof client.dates.dated, typeof server.dates.dated>,
  SameCall<typeof client.dates.now, typeof server.dates.now>,
  SameCall<typeof client.bigints.ledger, typeof server.bigints.ledger>,
  SameCall<typeof client.bigints.double, typeof server.bigints.double>,
  SameCall<typeof client.collections.collections, typeof server.collections.collections>,
  SameCall<typeof client.bytes.bytes, typeof server.bytes.bytes>,
  SameCall<typeof client.bytes.reversed, typeof server.bytes.reversed>,
  SameCall<typeof client.anything.anything, typeof server.anything.anything>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

// @ts-expect-error — the check fails when a type drifts (a tuple read as an array)
export const drift: Mutual<[string, number], (string | number)[]> = true;
