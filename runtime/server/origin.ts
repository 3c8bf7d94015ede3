/**
 * Cross-site request forgery check. A browser sends `Origin` on every cross-origin POST; a request
 * whose Origin's host is not the request's Host (nor allowed) is refused. Requests without `Origin`
 * come from non-browser clients (curl, servers) or same-origin navigations of old browsers and are
 * allowed: a browser cannot be made to omit it on a cross-site fetch or form post.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined || origin === '') return true;
  if (origin === 'null') return allowedOrigins.includes('null');
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host.toLowerCase() === host.toLowerCase()) return true;
  return allowedOrigins.some((pattern) => matchesOrigin(pattern, parsed));
}

/** `https://app.example.com`, `https://*.example.com`, `app.example.com` or `*.example.com` */
function matchesOrigin(pattern: string, origin: URL): boolean {
  const hasScheme = pattern.includes('://');
  const [scheme, hostPattern] = hasScheme ? pattern.split('://', 2) : [undefined, pattern];
  if (scheme !== undefined && `${scheme}:` !== origin.protocol) return false;
  const host = origin.host.toLowerCase();
  const expected = hostPattern.toLowerCase();
  if (expected.startsWith('*.')) return host.endsWith(expected.slice(1)) && host.length > expected.length - 1;
  return host === expected;
}
