import { createReadStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Koa from 'koa';

/** Vite's bundle of web/main.tsx, written by scripts/build-web.js. */
const PAGE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'public', 'app.js');

/** GET /app.js: the page script, the only file this middleware serves (no path from the request is joined). */
export const assets: Koa.Middleware = async (ctx, next) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path !== '/app.js') return next();
  if (!existsSync(PAGE_SCRIPT)) {
    ctx.status = 404;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = 'The page script is not built: run `node sample/scripts/build-web.js` (npm run sample does)';
    return;
  }
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = 'text/javascript; charset=utf-8';
  ctx.body = createReadStream(PAGE_SCRIPT);
};
