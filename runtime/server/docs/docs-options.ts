import type { DocsOptions } from '../options.js';

/** The `docs` option as the router uses it: where the page lives (below the router's prefix) and its title. */
export interface ResolvedDocs {
  path: string;
  title: string;
}

const DEFAULT_PATH = '/docs';
const DEFAULT_TITLE = 'API reference';

/** The `docs` option resolved, or undefined when it is off; a clear error for a path that is not one. */
export function resolveDocs(docs: boolean | DocsOptions | undefined, basePath: string): ResolvedDocs | undefined {
  if (docs === undefined || docs === false) return undefined;
  const given = docs === true ? {} : docs;
  const path = (given.path ?? DEFAULT_PATH).replace(/\/+$/, '');
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(path) || path.includes('//')) {
    throw new Error(`actionwire: docs.path must be a path such as "/docs" (letters, digits, - . _ ~ and /), got ${JSON.stringify(given.path)}`);
  }
  if (path === basePath || path.startsWith(`${basePath}/`)) {
    throw new Error(`actionwire: docs.path ${JSON.stringify(path)} is below the actions' base path ${JSON.stringify(basePath)}, where every path is an action: choose another`);
  }
  return { path, title: given.title ?? DEFAULT_TITLE };
}
