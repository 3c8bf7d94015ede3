import { isAbsolute, relative } from 'node:path';
import { toPosix } from '../transformer/analysis/names/module-paths.js';

/** The entry points of actionwire's server runtime: what an action calls, and what the generated routes import. */
const SERVER_RUNTIME = /^actionwire\/(internal\/)?server$/;

/** Why a client bundle may not import this module, if it may not: actionwire's server runtime, or a module the user marks server-only. */
export function serverOnlyReason(specifier: string, resolved: string | undefined, root: string, patterns: ReadonlyArray<string | RegExp>): string | undefined {
  if (SERVER_RUNTIME.test(specifier)) return `${specifier} is actionwire's server runtime: it runs inside an action call on the server`;
  const path = resolved !== undefined && isAbsolute(resolved) ? toPosix(relative(root, resolved)) : undefined;
  const candidates = path === undefined ? [specifier] : [specifier, path];
  for (const pattern of patterns) {
    const matches =
      typeof pattern === 'string'
        ? candidates.some((candidate) => candidate === pattern || candidate.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`))
        : candidates.some((candidate) => pattern.test(candidate));
    if (matches) return `${path ?? specifier} is server-only (it matches ${String(typeof pattern === 'string' ? JSON.stringify(pattern) : pattern)} of the plugin's "serverOnly" option)`;
  }
  return undefined;
}
