import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { closeDatabase, openDatabase, posts, users } from './lib/db.js';
import { hashPassword } from './lib/passwords.js';
import { logUnhandledRejections } from './lib/unhandled-rejections.js';
import { createActionRouter } from './generated/routes.js';
import { assets } from './assets.js';
import { homePage } from './pages/home-page.js';
import { postPage } from './pages/post-page.js';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The sample's Koa app (database opened, one admin and her first post); `before` middleware goes in front of the actions. */
export async function createSampleApp(before: Koa.Middleware[] = []): Promise<Koa> {
  await openDatabase();
  let admin = await users.findByEmail(ADMIN.email);
  if (!admin) {
    admin = await users.insert({ name: 'Ada Admin', email: ADMIN.email, role: 'admin', passwordHash: await hashPassword(ADMIN.password) });
    await posts.insert({ authorId: admin.id, title: 'Hello, actionwire', body: 'The first post.' });
  }
  const app = new Koa();
  before.forEach((middleware) => app.use(middleware));
  // seals the post id updatePost captures: with ACTIONWIRE_SECRET (or `secret`), or a random key of this process and a warning;
  // ALLOWED_ORIGINS (comma-separated, e.g. `http://localhost:5173`): other origins whose pages may call the actions (CORS)
  // docs: /docs (Swagger UI, served from swagger-ui-dist) and /docs/openapi.json
  const router = createActionRouter({ allowedOrigins: allowedOriginsFromEnv(), docs: { title: 'actionwire sample — API reference' } });
  app.use(homePage); // GET /: the page
  app.use(postPage); // GET /posts/:id
  app.use(assets); // GET /app.js
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

/** The origins in ALLOWED_ORIGINS, comma-separated; none when it is unset. */
function allowedOriginsFromEnv(): string[] {
  return (process.env['ALLOWED_ORIGINS'] ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
}

/** Starts the sample on 127.0.0.1 (port 0 picks a free port) with a fresh in-memory database and one admin. */
export async function startServer(port = 0, before: Koa.Middleware[] = []): Promise<RunningServer> {
  const app = await createSampleApp(before);
  const server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeDatabase();
    },
  };
}

/** What `node sample/dist/server.js` does: the sample on `port`, with unhandled rejections logged instead of ending the process. */
export async function serve(port: number, before: Koa.Middleware[] = []): Promise<RunningServer> {
  logUnhandledRejections();
  const running = await startServer(port, before);
  console.log(`actionwire sample listening on ${running.url} (sign in as ${ADMIN.email} / ${ADMIN.password})`);
  console.log(`  the web page: ${running.url}   the API reference: ${running.url}docs`);
  return running;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve(Number(process.env['PORT'] ?? 3000));
}
