import { jest } from '@jest/globals';
import type { ErrorReport } from '../../runtime/server/index.js';
import { RawConnection, requestHead, route, serveRoutes, type InProcessServer } from './in-process-server.js';

const onError = jest.fn<(error: unknown, report: ErrorReport) => void>();
let actionCalls = 0;
const counted = (value: never): unknown => {
  actionCalls += 1;
  return value;
};

let server: InProcessServer;
beforeAll(async () => {
  server = await serveRoutes([route('data/echo', false, counted), route('files/upload', true, counted), route('files/patient', true, counted)], {
    bodyLimit: 64 * 1024,
    maxFields: 4,
    bodyTimeout: 300,
    actions: { 'files/patient': { bodyTimeout: 60_000 } },
    onError,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  onError.mockClear();
  actionCalls = 0;
});

const multipartHead = (path: string, length: number | 'chunked'): string =>
  requestHead('POST', path, {
    'content-type': 'multipart/form-data; boundary=XyZ',
    ...(length === 'chunked' ? { 'transfer-encoding': 'chunked' } : { 'content-length': length }),
  });
const chunk = (data: string): string => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;

/** After each refusal the server still answers a fresh call. */
async function stillServes(): Promise<void> {
  const response = await fetch(server.url('/actions/data/echo'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
}

describe('a client that goes away mid-body', () => {
  it.each([
    ['a multipart upload', '/actions/files/upload', multipartHead('/actions/files/upload', 50_000) + '--XyZ\r\nContent-Disposition: form-data; name="doc"; filename="a.txt"\r\n\r\npartial'],
    ['a JSON body', '/actions/data/echo', requestHead('POST', '/actions/data/echo', { 'content-type': 'application/json', 'content-length': 50_000 }) + '{"name":"par'],
  ])('ends the handler of %s: no action, no server error (a cancelled call, 499), nothing left pending', async (_what, path, partial) => {
    const connection = await RawConnection.open(server.port);
    const arrival = server.nextArrival();
    const settled = server.nextSettled();
    await connection.write(partial);
    await arrival;
    connection.destroy();
    expect(await settled).toEqual({ path, status: 499 });
    expect(onError).not.toHaveBeenCalled();
    expect(actionCalls).toBe(0);
    await stillServes();
  }, 10_000);
});

describe('bodyTimeout', () => {
  it.each([
    ['JSON', requestHead('POST', '/actions/data/echo', { 'content-type': 'application/json', 'content-length': 40 }) + '{"name":'],
    ['a multipart form', multipartHead('/actions/files/upload', 'chunked') + chunk('--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nslo')],
    ['an urlencoded form', requestHead('POST', '/actions/files/upload', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 40 }) + 'a=1&b='],
  ])('answers 408 and closes the connection when %s body is not all there in time', async (_what, partial) => {
    const connection = await RawConnection.open(server.port);
    await connection.write(partial);
    const response = await connection.response();
    expect(response.status).toBe(408);
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toEqual({ type: 'about:blank', title: 'Request Timeout', status: 408, detail: 'The request body did not arrive within 300 ms' });
    await connection.ended;
    expect(onError).not.toHaveBeenCalled();
    expect(actionCalls).toBe(0);
  }, 10_000);

  it('is per action: a route given more time takes a body slower than the router allows', async () => {
    const connection = await RawConnection.open(server.port);
    await connection.write(requestHead('POST', '/actions/files/patient', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 7 }) + 'a=1');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await connection.write('&b=2');
    const response = await connection.response();
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ a: '1', b: '2' });
    connection.destroy();
  }, 10_000);
});

describe('refused requests are answered at once, their bodies left unread', () => {
  const huge = 100 * 1024 * 1024;
  const piece = 'x'.repeat(64 * 1024);

  it.each([
    ['404 for no action', 404, requestHead('POST', '/actions/nowhere/at-all', { 'content-type': 'application/json', 'content-length': huge })],
    ['405 for another method', 405, requestHead('PUT', '/actions/data/echo', { 'content-type': 'application/json', 'content-length': huge })],
    ['403 for another origin', 403, requestHead('POST', '/actions/data/echo', { 'content-type': 'application/json', 'content-length': huge, origin: 'https://evil.test' })],
    ['415 for a form sent to a JSON action', 415, requestHead('POST', '/actions/data/echo', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': huge })],
    ['415 for JSON sent to a form action', 415, requestHead('POST', '/actions/files/upload', { 'content-type': 'application/json', 'content-length': huge })],
    ['413 by Content-Length (JSON)', 413, requestHead('POST', '/actions/data/echo', { 'content-type': 'application/json', 'content-length': huge })],
    ['413 by Content-Length (form)', 413, multipartHead('/actions/files/upload', huge)],
  ])('%s, with a 100 MB body on its way', async (_what, status, head) => {
    const before = server.bytesRead();
    const connection = await RawConnection.open(server.port);
    await connection.write(head);
    let sending = true;
    const sender = (async () => {
      for (let sent = 0; sending && sent < huge; sent += piece.length) await connection.write(piece);
    })().catch(() => undefined);
    const response = await connection.response();
    sending = false;
    expect(response.status).toBe(status);
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    await connection.ended;
    await sender;
    expect(server.bytesRead() - before).toBeLessThan(8 * 1024 * 1024);
    await stillServes();
  }, 20_000);

  it('a body that never ends still gets its answer', async () => {
    const connection = await RawConnection.open(server.port);
    await connection.write(requestHead('POST', '/actions/nowhere', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }) + chunk('{"endless":"'));
    const response = await connection.response();
    expect(response.status).toBe(404);
    expect(response.headers.get('connection')).toBe('close');
    await connection.ended;
    await stillServes();
  }, 10_000);

  it('a refused request without a body keeps its connection for the next one', async () => {
    const connection = await RawConnection.open(server.port);
    await connection.write(requestHead('GET', '/actions/data/echo', {}));
    const refused = await connection.response();
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('POST');
    expect(refused.headers.get('connection')).toBe('keep-alive');
    connection.destroy();
  }, 10_000);
});

describe('maxFields while the body streams in', () => {
  it('refuses an urlencoded form as soon as it passes the count, though it never ends', async () => {
    const connection = await RawConnection.open(server.port);
    const head = requestHead('POST', '/actions/files/upload', { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' });
    await connection.write(head + chunk('a=1&&b=2&c') + chunk('=3&') + chunk('d=4&e'));
    const response = await connection.response();
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(JSON.parse(response.body)).toMatchObject({ status: 413, detail: 'The form has more than 4 fields' });
    await connection.ended;
    expect(actionCalls).toBe(0);
  }, 10_000);

  it('refuses a multipart form whose delimiters arrive split between chunks, though it never ends', async () => {
    const connection = await RawConnection.open(server.port);
    const part = (name: string): string => `--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nv\r\n`;
    const body = ['a', 'b', 'c', 'd', 'e', 'f'].map(part).join('');
    const pieces = body.match(/.{1,5}/gs) ?? [];
    await connection.write(multipartHead('/actions/files/upload', 'chunked') + pieces.map(chunk).join(''));
    const response = await connection.response();
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ detail: 'The form has more than 4 fields' });
    await connection.ended;
    expect(actionCalls).toBe(0);
  }, 10_000);

  it('accepts exactly maxFields fields', async () => {
    const form = new FormData();
    for (const name of ['a', 'b', 'c', 'd']) form.append(name, 'v');
    const multipart = await fetch(server.url('/actions/files/upload'), { method: 'POST', body: form });
    expect(multipart.status).toBe(200);
    const urlencoded = await fetch(server.url('/actions/files/upload'), { method: 'POST', body: new URLSearchParams('a=1&b=2&&c=3&d=4&') });
    expect(await urlencoded.json()).toEqual({ a: '1', b: '2', c: '3', d: '4' });
  });
});
