import { MODEL_VERSION } from '../../model/version.js';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { buildActionRouter, defineActionRoutes, type RoutesModel } from '../../runtime/server/internal.js';

const model: RoutesModel = {
  version: MODEL_VERSION,
  schemas: [],
  actions: [
    { route: 'm/echo', params: [{ name: 'text', type: { kind: 'string' }, optional: false }], returns: { kind: 'string' }, form: false, mayReturnNothing: false },
    { route: 'm/form', params: [], returns: { kind: 'string' }, form: true, mayReturnNothing: false },
  ],
};

describe('a body parser mounted before the action router', () => {
  it('is a 500 whose log line says what happened (the body was read before the router ran), not a hang or a misleading 400', async () => {
    const reports: unknown[] = [];
    const app = new Koa();
    app.use(bodyParser());
    const router = buildActionRouter(defineActionRoutes(model, [async (text: string) => text, async (form: FormData) => String(form.get('a'))]), '/actions', {
      onError: (error) => reports.push(error),
    });
    app.use(router.routes());
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/actions/m/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}', signal: AbortSignal.timeout(5000) });
      expect(response.status).toBe(500);
      expect(String(reports[0])).toMatch(/the request body was read before the action router ran \(a body parser mounted before it\?\)/);
      const form = await fetch(`http://127.0.0.1:${port}/actions/m/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1', signal: AbortSignal.timeout(5000) });
      expect(form.status).toBe(500);
      expect(String(reports[1])).toMatch(/the request body was read before the action router ran/);
    } finally {
      server.close();
    }
  });
});
