import type { AllowedOrigins, OriginPattern } from './allowed-origins.js';

/**
 * Where a request's `Origin` stands: `none` (no Origin: not a browser, or a same-origin navigation of
 * an old one), `same` (its host is the request's Host), `allowed` (another origin that `allowedOrigins`
 * admits: it gets CORS), or `refused`.
 */
export type OriginAccess = 'none' | 'same' | 'allowed' | 'refused';

/** Classifies an `Origin` header against the request's host and the router's `allowedOrigins`. */
export function originAccess(origin: string | undefined, host: string | undefined, allowedOrigins: AllowedOrigins): OriginAccess {
  if (origin === undefined || origin === '') return 'none';
  if (origin === 'null') return allowedOrigins.opaque ? 'allowed' : 'refused';
  const parsed = parseOrigin(origin);
  if (parsed === undefined) return 'refused';
  if (host !== undefined && parsed.host === host.toLowerCase()) return 'same';
  return allowedOrigins.patterns.some((pattern) => matchesOrigin(pattern, parsed)) ? 'allowed' : 'refused';
}

/**
 * Cross-site request forgery check. A browser sends `Origin` on every cross-origin POST; a request
 * whose Origin's host is not the request's Host (nor allowed) is refused. Requests without `Origin`
 * come from non-browser clients (curl, servers) or same-origin navigations of old browsers and are
 * allowed: a browser cannot be made to omit it on a cross-site fetch or form post.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: AllowedOrigins): boolean {
  return originAccess(origin, host, allowedOrigins) !== 'refused';
}

interface ParsedOrigin {
  /** `https:` */
  protocol: string;
  /** lower case, with the port when there is one */
  host: string;
}

/** Browsers send the same few origins again and again: remember the last ones parsed. */
const recentOrigins = new Map<string, ParsedOrigin | undefined>();
const RECENT_ORIGINS_KEPT = 256;

function parseOrigin(origin: string): ParsedOrigin | undefined {
  const recent = recentOrigins.get(origin);
  if (recent !== undefined || recentOrigins.has(origin)) return recent;
  let parsed: ParsedOrigin | undefined;
  try {
    const url = new URL(origin);
    parsed = { protocol: url.protocol, host: url.host.toLowerCase() };
  } catch {
    parsed = undefined;
  }
  if (recentOrigins.size >= RECENT_ORIGINS_KEPT) recentOrigins.clear();
  recentOrigins.set(origin, parsed);
  return parsed;
}

function matchesOrigin(pattern: OriginPattern, origin: ParsedOrigin): boolean {
  if (pattern.scheme !== undefined && pattern.scheme !== origin.protocol) return false;
  return pattern.subdomains ? origin.host.endsWith(`.${pattern.host}`) : origin.host === pattern.host;
}
