/**
 * The bounds that keep a 400 answer small whatever the request holds: a key's JSON Pointer token, a
 * problem's path and message are cut (with a marker) to fixed lengths, and the problems listed stop at a
 * byte budget (the rest are counted in `omittedErrors`).
 */

/** Marks a key, path or message that was cut. */
export const CUT_MARKER = '…';

/** The most characters of a key (UTF-16 units, before escaping) that a path repeats. */
export const MAX_KEY_TOKEN_CHARS = 100;

/** The most characters of one problem's path. */
export const MAX_ISSUE_PATH_CHARS = 1000;

/** The most characters of one problem's message. */
export const MAX_ISSUE_MESSAGE_CHARS = 300;

/** The most bytes of a whole 400 answer (UTF-8 JSON), whatever `maxProblems` says. */
export const MAX_PROBLEM_ANSWER_BYTES = 16 * 1024;

/** The first `max` UTF-16 units of `text` (one fewer rather than half a surrogate pair), marked when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end) + CUT_MARKER;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
