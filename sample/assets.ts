import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Koa from 'koa';

const here = dirname(fileURLToPath(import.meta.url)); // sample/dist
const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Every file this middleware serves, by path: nothing else on disk is reachable (no path from the request is joined). */
const FILES: Record<string, { file: string; type: string; missing?: string }> = {
  // Vite's bundle of web/main.tsx, written by scripts/build-web.js
  '/app.js': { file: join(here, 'public', 'app.js'), type: 'text/javascript; charset=utf-8', missing: 'The page script is not built: run `node sample/scripts/build-web.js` (npm run sample does)' },
  // the OpenAPI document the server build generated
  '/openapi.json': { file: join(here, '..', 'generated', 'openapi.json'), type: 'application/json; charset=utf-8' },
  // Swagger UI, self-hosted from the swagger-ui-dist package: no CDN, no font or script from elsewhere
  '/docs/swagger-ui.css': { file: join(swaggerUi, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  '/docs/swagger-ui-bundle.js': { file: join(swaggerUi, 'swagger-ui-bundle.js'), type: 'text/javascript; charset=utf-8' },
  '/docs/favicon-32x32.png': { file: join(swaggerUi, 'favicon-32x32.png'), type: 'image/png' },
};

/** validatorUrl: null — Swagger UI would otherwise send the spec to validator.swagger.io for its badge. */
const DOCS_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>actionwire sample — API reference</title>
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
<link rel="stylesheet" href="/docs/swagger-ui.css">
<style>body { margin: 0; } .back { font: 14px system-ui, sans-serif; padding: .6rem 1.2rem; background: #1b1b1b; } .back a { color: #fff; }</style>
<div class="back"><a href="/">← the sample page</a> · <a href="/openapi.json">openapi.json</a></div>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</html>
`;

/**
 * GET /app.js (the page's bundle), /openapi.json (the generated spec), and /docs: an API reference rendered from
 * that spec by Swagger UI, every file of it served from node_modules.
 */
export const assets: Koa.Middleware = async (ctx, next) => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
  if (ctx.path === '/docs' || ctx.path === '/docs/') {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = DOCS_PAGE;
    return;
  }
  if (ctx.path === '/docs/init.js') {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.body = DOCS_INIT;
    return;
  }
  const asset = Object.hasOwn(FILES, ctx.path) ? FILES[ctx.path] : undefined;
  if (!asset) return next();
  if (!existsSync(asset.file)) {
    ctx.status = 404;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = asset.missing ?? `${ctx.path} is missing`;
    return;
  }
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = asset.type;
  ctx.body = createReadStream(asset.file);
};
