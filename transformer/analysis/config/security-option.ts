import type { ApiSecurity } from '../../../model/model.js';
import { closest } from '../edit-distance.js';

const SECURITY_KEYS = ['cookie', 'header', 'scheme', 'required'] as const;

/** An HTTP token (RFC 9110): what a header name, a cookie name (RFC 6265) and an auth scheme are made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const TOKEN_CHARACTERS = "letters, digits and !#$%&'*+-.^_`|~";

/**
 * The plugin option `security`: `{ "cookie": "session" }`, `{ "header": "X-Api-Key" }` or
 * `{ "header": "Authorization", "scheme": "bearer" }`, with `"required": true` when no action may be
 * called without it. Pushes each problem (with its fix) into `problems`; undefined when absent or wrong.
 */
export function checkSecurityOption(value: unknown, problems: string[]): ApiSecurity | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`"security" must be an object such as { "cookie": "session" } or { "header": "Authorization", "scheme": "bearer" }, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const before = problems.length;
  const option = value as Record<string, unknown>;
  for (const key of Object.keys(option)) {
    if ((SECURITY_KEYS as readonly string[]).includes(key)) continue;
    const suggestion = closest(key, SECURITY_KEYS);
    problems.push(`unknown option "security.${key}"${suggestion ? `: did you mean "${suggestion}"?` : ` (security reads ${SECURITY_KEYS.map((name) => `"${name}"`).join(', ')})`}`);
  }
  const { cookie, header, scheme, required = false } = option;
  if (cookie !== undefined && header !== undefined) problems.push('"security" names both a cookie and a header: keep the one your actions read');
  if (cookie === undefined && header === undefined) problems.push('"security" names neither a cookie nor a header: add "cookie": "<name>" or "header": "<name>"');
  if (cookie !== undefined && !isToken(cookie)) problems.push(`"security.cookie" must be a cookie name (${TOKEN_CHARACTERS}), got ${JSON.stringify(cookie)}`);
  if (header !== undefined && !isToken(header)) problems.push(`"security.header" must be a header name (${TOKEN_CHARACTERS}), got ${JSON.stringify(header)}`);
  if (typeof required !== 'boolean') problems.push(`"security.required" must be a boolean, got ${JSON.stringify(required)}`);
  const authorization = typeof header === 'string' && header.toLowerCase() === 'authorization';
  if (scheme !== undefined) {
    if (!authorization) {
      problems.push(`"security.scheme" is the scheme of the Authorization header: write "header": "Authorization" with it, or drop "scheme" for an API key in ${typeof header === 'string' ? header : 'a header'}`);
    }
    if (!isToken(scheme)) problems.push(`"security.scheme" must be an HTTP authentication scheme such as "bearer" or "basic", got ${JSON.stringify(scheme)}`);
  } else if (authorization) {
    problems.push('"security" names the Authorization header without its "scheme": add e.g. "scheme": "bearer" (or "basic")');
  }
  if (problems.length > before || typeof required !== 'boolean') return undefined;
  if (typeof cookie === 'string') return { kind: 'cookie', name: cookie, required };
  if (typeof scheme === 'string') return { kind: 'http', scheme, required };
  return typeof header === 'string' ? { kind: 'header', name: header, required } : undefined;
}

function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}
