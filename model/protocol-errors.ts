/**
 * The statuses actionwire's router answers any call with, whatever the action declares: 400 (arguments that do
 * not match, a bad seal), 403 (a cross-origin call), 404 (no such action), 405 (not POST), 408 (a body too slow),
 * 413 (a body too large), 415 (a content type it does not take), 500 (an error that is no ActionError). Their
 * problems carry no `code`, except a refused seal's (`SEAL_ERROR_CODE`), so a declared error of one of these
 * statuses may come without its code.
 */
export const PROTOCOL_ERROR_STATUSES = [400, 403, 404, 405, 408, 413, 415, 500] as const;

/** The problem `code` of every call refused for its seal (missing, malformed, not authentic…). */
export const SEAL_ERROR_CODE = 'actionwire/bad-seal';
