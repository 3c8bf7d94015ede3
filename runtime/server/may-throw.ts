import type { ActionError } from './action-error.js';

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type NumberOf<Text> = Text extends `${infer N extends number}` ? N : never;

/** Every status an `ActionError` may have: 400 to 599, each a literal type. */
export type ErrorStatus = NumberOf<`${4 | 5}${Digit}${Digit}`>;

/**
 * Declares error answers the compiler cannot find by itself: errors a library throws, or an `ActionError` whose
 * status is computed. Call it in the action's body (or in a function of the project the action calls) with the
 * errors as a union of `ActionError<Status, Code>` types; they join the action's OpenAPI responses and its
 * client's error type. A status outside 400–599, or one that is not a literal type, does not compile. It does
 * nothing when it runs.
 *
 * @example
 * export async function pay(order: Order): Promise<Receipt> {
 *   mayThrow<ActionError<402, 'card-declined'> | ActionError<503>>();
 *   return paymentProvider.charge(order);
 * }
 */
// no arguments: `_none` only holds the type parameter the declaration is
export function mayThrow<Errors extends ActionError<ErrorStatus, string> = never>(..._none: [] & Errors[]): void {}
