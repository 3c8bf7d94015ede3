/**
 * The route a request path names, spelled as the router's table spells it: without a trailing slash,
 * and each segment percent-decoded on its own, so that `my%20file` finds `my file` while `a%2Fb/f`
 * never finds `a/b/f` (an encoded slash separates nothing). A path that does not decode — a malformed
 * escape such as `%E0%A4%A`, a bare `%`, an encoded slash — is looked up as sent. Paths without `%`
 * are not decoded at all.
 */
export function routePath(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (!trimmed.includes('%')) return trimmed;
  const segments = trimmed.split('/');
  for (let index = 0; index < segments.length; index++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segments[index] as string);
    } catch {
      return trimmed;
    }
    if (decoded.includes('/')) return trimmed;
    segments[index] = decoded;
  }
  return segments.join('/');
}
