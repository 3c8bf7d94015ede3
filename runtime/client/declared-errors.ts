import type { PROTOCOL_ERROR_STATUSES, SEAL_ERROR_CODE } from '../../model/protocol-errors.js';

/** One error answer of an action: its status and its problem `code` (undefined: the answer has none). */
export interface ErrorAnswer {
  readonly status: number;
  readonly code: string | undefined;
}

/**
 * What actionwire's router may answer any call with, whatever the action declares (model/protocol-errors.ts):
 * arguments that do not match or a refused seal (400), a cross-origin call (403), no such action (404), not a POST
 * (405), a body too slow (408) or too large (413), a content type it does not take (415), an error that is no
 * ActionError (500).
 */
export type ProtocolErrorAnswer =
  | { readonly status: 400; readonly code: typeof SEAL_ERROR_CODE | undefined }
  | { readonly status: Exclude<(typeof PROTOCOL_ERROR_STATUSES)[number], 400>; readonly code: undefined };

/**
 * The errors a client function declares, in its type only (no value at run time): the generated client writes the
 * action's error answers here, `ActionError.is(error, action)` and `f.safe()` read them. The tuple keeps a
 * function that declares none (`never`) apart from one whose errors are unknown. A string key, not a unique
 * symbol: two copies of actionwire/client (the generated client's and the application's) agree on it.
 */
export interface DeclaresErrors<E extends ErrorAnswer> {
  readonly '~actionwire.errors'?: [E];
}
