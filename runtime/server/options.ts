import type { Context } from 'koa';

export interface ErrorReport {
  /** also sent to the client as `errorId`, to find this report in the log */
  errorId: string;
  route: string;
  ctx: Context;
}

export interface BodyLimits {
  /** the largest request body, in bytes (default 1 MB); larger ones get 413 before they are buffered */
  bodyLimit?: number;
  /** the deepest nesting of arrays and objects in a JSON body (default 64); deeper ones get 400 */
  maxDepth?: number;
  /** form actions: the largest file, in bytes (default: the body limit) */
  maxFileSize?: number;
  /** form actions: the most fields and files (default 1,000); counted as the body streams in */
  maxFields?: number;
  /** the longest wait, in ms, for the whole body once the headers are in (default 30,000; 0: no limit); a slower one gets 408 */
  bodyTimeout?: number;
}

/** Where the API reference lives and what it is called (the router's `docs` option). */
export interface DocsOptions {
  /** the page's path below the router's `prefix` (default `/docs`); the document is at `<path>/openapi.json` */
  path?: string;
  /** the page's title (default `API reference`) */
  title?: string;
}

export interface ActionRouterOptions extends BodyLimits {
  /** mounted in front of the base path, e.g. `/api` */
  prefix?: string;
  /** per action, by route (`app/actions/upload`): limits that differ from the router's */
  actions?: { readonly [route: string]: BodyLimits };
  /**
   * origins (besides the request's own) allowed to call actions: `https://app.example.com`, `https://*.example.com`, `null`;
   * checked when the router is built (written as browsers send `Origin`; a `*` only as the first label, below a registrable domain)
   */
  allowedOrigins?: readonly string[];
  /** CORS for `allowedOrigins`: also send `Access-Control-Allow-Credentials: true`, so that their pages may call with cookies (`credentials: 'include'`); default false: their calls neither read nor set cookies */
  corsCredentials?: boolean;
  /** CORS for `allowedOrigins`: how long, in seconds, a browser may reuse an answered preflight (`Access-Control-Max-Age`, default 600) */
  corsMaxAge?: number;
  /** trust `X-Forwarded-Host` when comparing Origin with the host (only behind a proxy that sets it) */
  trustProxy?: boolean;
  /** the most problems one 400 answer lists (default 20); the rest are counted in `omittedErrors` */
  maxProblems?: number;
  /** what to do with input properties the parameter types do not declare (and fields a typed form does not): refuse the call (400, the default) or drop them */
  unknownProperties?: 'reject' | 'strip';
  /**
   * The secret that seals the values inline actions capture (at least 32 characters), the same on every
   * server instance; a list rotates keys: seals are made with the first and opened with any (newest
   * first, drop an old one once its seals may be gone). Default: `ACTIONWIRE_SECRET` (comma-separated for
   * a list). Needed only when some inline action captures values: then, with neither, the router throws
   * in production (`NODE_ENV=production`) and uses a random key of the process (with a warning) otherwise.
   */
  secret?: string | readonly string[];
  /**
   * Serve the generated OpenAPI document and an API reference page (Swagger UI, every asset from this server):
   * `true` for `GET /docs` and `GET /docs/openapi.json` below the router's `prefix`, or `{ path, title }`.
   * Off by default; the document is loaded on the first request only. "Try it out" calls the actions from the
   * page, with the browser's cookies (a signed-in session works).
   *
   * @example
   * createActionRouter({ docs: { path: '/api-docs', title: 'Blog API' } });
   */
  docs?: boolean | DocsOptions;
  /** streaming actions: the most milliseconds between two events of an open stream; a quiet one gets a `: ping` comment (default 15,000) */
  streamPingInterval?: number;
  /** called with every server error (500, and an ActionError of status 500 or more); defaults to console.error */
  onError?: (error: unknown, report: ErrorReport) => void;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_FIELDS = 1000;
/** How long (ms) a request body may take to arrive unless `bodyTimeout` says otherwise. */
export const DEFAULT_BODY_TIMEOUT = 30_000;
export const DEFAULT_MAX_PROBLEMS = 20;
/** How long (seconds) a browser may cache an answered preflight unless `corsMaxAge` says otherwise. */
export const DEFAULT_CORS_MAX_AGE = 600;

export type ResolvedLimits = Required<BodyLimits>;

export function resolveLimits(options: ActionRouterOptions, route: string): ResolvedLimits {
  const own = options.actions?.[route] ?? {};
  const bodyLimit = own.bodyLimit ?? options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  return {
    bodyLimit,
    maxDepth: own.maxDepth ?? options.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxFileSize: own.maxFileSize ?? options.maxFileSize ?? bodyLimit,
    maxFields: own.maxFields ?? options.maxFields ?? DEFAULT_MAX_FIELDS,
    bodyTimeout: own.bodyTimeout ?? options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT,
  };
}
