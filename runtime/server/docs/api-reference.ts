import type Router from '@koa/router';
import type { Context } from 'koa';
import type { ResolvedDocs } from './docs-options.js';
import { referencePage, startScript } from './reference-page.js';
import { swaggerAssets } from './swagger-assets.js';

/** What every answer of the reference sends: nothing but this server's own scripts, styles, images and calls. */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
};

function send(ctx: Context, type: string, body: string | Buffer): void {
  ctx.set(SECURITY_HEADERS);
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = type;
  ctx.body = body;
}

/**
 * Adds the `docs` routes to the action router: the reference page at `docs.path`, the OpenAPI document at
 * `<path>/openapi.json` (loaded from the generated openapi-document module on its first request; with a
 * `prefix`, its server is the prefix, so that "Try it out" calls the actions where they are), Swagger UI's
 * files and the script that starts it below the page.
 */
export function mountApiReference(router: Router, docs: ResolvedDocs, prefix: string, loadOpenApi: () => Promise<string>): void {
  const base = `${prefix}${docs.path}`;
  const asset = swaggerAssets();
  let documentText: Promise<string> | undefined;
  const openApiText = async (): Promise<string> => {
    const text = await loadOpenApi();
    if (prefix === '') return text;
    const document = JSON.parse(text) as Record<string, unknown>;
    return `${JSON.stringify({ ...document, servers: [{ url: prefix, description: 'the server that mounts the generated router' }] }, null, 2)}\n`;
  };
  router.get(docs.path, (ctx) => send(ctx, 'text/html; charset=utf-8', referencePage(base, docs.title)));
  router.get(`${docs.path}/openapi.json`, async (ctx) => {
    documentText ??= openApiText();
    send(ctx, 'application/json; charset=utf-8', await documentText);
  });
  router.get(`${docs.path}/start.js`, (ctx) => send(ctx, 'text/javascript; charset=utf-8', startScript(`${base}/openapi.json`)));
  router.get(`${docs.path}/:asset`, async (ctx, next) => {
    const found = await asset(ctx.params['asset'] ?? '');
    if (found === undefined) return next();
    send(ctx, found.type, found.body);
  });
}
