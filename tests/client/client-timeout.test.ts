import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ky from 'ky';
import { createCaller } from '../../runtime/client/caller.js';

/** A server that answers every call after 300 ms. */
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    const timer = setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('"late"'), 300);
    response.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the client timeout with a ky instance of the application', () => {
  it('is the instance’s own timeout', async () => {
    const call = createCaller({ baseUrl, ky: ky.create({ timeout: 50 }) });
    await expect(call('/actions/slow', {})).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('gives way to the client’s timeout option, and to a per-call one', async () => {
    const patient = createCaller({ baseUrl, ky: ky.create({ timeout: 50 }), timeout: false });
    await expect(patient('/actions/slow', {})).resolves.toBe('late');
    const call = createCaller({ baseUrl, ky: ky.create({ timeout: 50 }) });
    await expect(call('/actions/slow', {}, undefined, undefined, { timeout: 1000 })).resolves.toBe('late');
  });

  it('without an instance, waits for a slow answer', async () => {
    await expect(createCaller({ baseUrl })('/actions/slow', {})).resolves.toBe('late');
  });
});
