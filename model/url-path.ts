/**
 * An action's path as a URL spells it: each `/`-separated segment percent-encoded on its own
 * (`/actions/odd/get?x=1` → `/actions/odd/get%3Fx%3D1`), so that a `?`, `#` or `%` in a name is part of
 * the name; the server decodes each segment back (runtime/server/route-path.ts). `[` and `]` stay as they
 * are, as URLs carry them in paths, so that folders such as `posts/[id]` read the same in openapi.json.
 */
export function urlPath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%5B/g, '[').replace(/%5D/g, ']'))
    .join('/');
}
