import { Agent } from 'node:http';
import { rawRequest } from '../helpers/raw-http.js';
import { hardenedClient, startHardened } from '../helpers/hardened-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { RawConnection, requestHead } from '../runtime/in-process-server.js';

let server: ServerProcess;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  server = await startHardened({ bodyLimit: 1024, maxDepth: 6, maxFields: 4, maxFileSize: 64, actions: { 'actions/upload': { bodyLimit: 16 * 1024 } } });
});
afterAll(() => server?.stop());

const url = (action: string): string => new URL(`/actions/actions/${action}`, server.url).href;

describe('body limits', () => {
  it('413 for a declared length over the limit, before reading it, and the next request on a keep-alive agent works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const big = JSON.stringify({ profile: { name: 'x'.repeat(2000) } });
    const refused = await rawRequest(url('echo'), { headers: { ...json, 'content-length': Buffer.byteLength(big) }, body: big, agent });
    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 413, detail: 'The request body is larger than 1024 bytes' });
    const next = await rawRequest(url('echo'), { headers: json, body: JSON.stringify({ profile: { name: 'ok' } }), agent });
    expect(next.status).toBe(200);
    expect(next.json()).toEqual({ name: 'ok' });
    agent.destroy();
  });

  it('413 for a chunked body that grows past the limit, without buffering it all', async () => {
    const pieces = Array.from({ length: 64 }, () => 'x'.repeat(1024));
    const refused = await rawRequest(url('echo'), { headers: { ...json, 'transfer-encoding': 'chunked' }, body: ['{"profile":{"name":"', ...pieces, '"}}'] });
    expect(refused.status).toBe(413);
    const next = await rawRequest(url('echo'), { headers: json, body: '{"profile":{"name":"after"}}' });
    expect(next.status).toBe(200);
  });

  it('honours a per-action limit', async () => {
    const form = new FormData();
    form.append('note', 'n'.repeat(4000));
    const response = await fetch(url('upload'), { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { fields: Record<string, string> }).fields.note).toHaveLength(4000);
  });

  it('400 for JSON nested deeper than the limit', async () => {
    let deep: Record<string, unknown> = { name: 'leaf' };
    for (let i = 0; i < 8; i++) deep = { name: 'n', nested: { deep } };
    const response = await rawRequest(url('echo'), { headers: json, body: JSON.stringify({ profile: deep }) });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ detail: 'The request body nests deeper than 6 levels' });
  });

  it('refuses forms with too many fields or too large a file', async () => {
    const many = new FormData();
    for (let i = 0; i < 5; i++) many.append(`f${i}`, 'v');
    const tooMany = await fetch(url('upload'), { method: 'POST', body: many });
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toMatchObject({ detail: 'The form has more than 4 fields' });
    const file = new FormData();
    file.append('doc', new Blob(['y'.repeat(65)], { type: 'text/plain' }), 'big.txt');
    const tooLarge = await fetch(url('upload'), { method: 'POST', body: file });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ detail: 'The file in field "doc" is larger than 64 bytes' });
  });

  it('reach the generated client as a typed ActionError', async () => {
    const client = await hardenedClient();
    const api = client.createClient({ baseUrl: server.url });
    const error = await api.actions.echo({ name: 'x'.repeat(5000) }).catch((caught: unknown) => caught);
    expect(client.ActionError.is(error)).toBe(true);
    expect(error).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });
});

describe('content types', () => {
  it('415 for anything but JSON on a JSON action, including forms', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await rawRequest(url('echo'), { headers: { 'content-type': type }, body: 'name=x' });
      expect(response.status).toBe(415);
    }
  });

  it('accepts application/json with parameters and +json types', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const response = await rawRequest(url('echo'), { headers: { 'content-type': type }, body: '{"profile":{"name":"t"}}' });
      expect(response.status).toBe(200);
    }
  });

  it('415 for JSON on a form action; multipart files arrive as File with name, type and size; urlencoded fields too', async () => {
    expect((await rawRequest(url('upload'), { headers: json, body: '{}' })).status).toBe(415);
    const form = new FormData();
    form.append('title', 'report');
    form.append('doc', new Blob(['hello'], { type: 'text/markdown' }), 'notes.md');
    const client = await hardenedClient();
    const uploaded = await client.createClient({ baseUrl: server.url }).actions.upload(form);
    expect(uploaded).toEqual({ fields: { title: 'report' }, files: [{ field: 'doc', name: 'notes.md', type: 'text/markdown', size: 5, text: 'hello' }] });
    const urlencoded = await rawRequest(url('upload'), { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=two%20words' });
    expect(urlencoded.json()).toEqual({ fields: { a: '1', b: 'two words' }, files: [] });
  });

  it('400 for a broken multipart body', async () => {
    const response = await rawRequest(url('upload'), { headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, body: '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('statuses through raw HTTP and the generated client', () => {
  it('204 for an undefined result that the type allows, 200 otherwise', async () => {
    const client = await hardenedClient();
    const api = client.createClient({ baseUrl: server.url });
    await expect(api.actions.maybe(false)).resolves.toBeUndefined();
    await expect(api.actions.maybe(true)).resolves.toBe('here');
    expect((await rawRequest(url('maybe'), { headers: json, body: '{"present":false}' })).status).toBe(204);
  });

  it('ActionError status and code', async () => {
    const client = await hardenedClient();
    const error = await client.createClient({ baseUrl: server.url }).actions.teapot().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 418, title: "I'm a Teapot", detail: 'short and stout', code: 'teapot' });
  });

  it('400 for invalid input lists every path, through the client', async () => {
    const client = await hardenedClient();
    const error = await client.createClient({ baseUrl: server.url }).actions.echo({ name: 1, tags: ['a', 2] } as never).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, errors: [{ path: '/profile/name', message: 'must be a string' }, { path: '/profile/tags/1', message: 'must be a string' }] });
  });

  it('404 and 405 reach the client as ActionError too', async () => {
    const client = await hardenedClient();
    const notFound = await client.createClient({ baseUrl: new URL('/nowhere/', server.url).href }).actions.teapot().catch((caught: unknown) => caught);
    expect(notFound).toMatchObject({ status: 404 });
    const get = await rawRequest(url('teapot'), { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json()).toMatchObject({ title: 'Method Not Allowed' });
  });
});

describe('bodyTimeout through the generated router', () => {
  let slow: ServerProcess;
  beforeAll(async () => {
    slow = await startHardened({ bodyTimeout: 200, actions: { 'actions/upload': { bodyTimeout: 0 } } });
  });
  afterAll(() => slow?.stop());

  it('408 with Connection: close for a body that does not arrive in time', async () => {
    const connection = await RawConnection.open(Number(new URL(slow.url).port));
    await connection.write(requestHead('POST', '/actions/actions/echo', { 'content-type': 'application/json', 'content-length': 30 }) + '{"profile":');
    const response = await connection.response();
    expect(response.status).toBe(408);
    expect(response.headers.get('connection')).toBe('close');
    expect(JSON.parse(response.body)).toMatchObject({ title: 'Request Timeout', detail: 'The request body did not arrive within 200 ms' });
    await connection.ended;
  });

  it('408 for a chunked body of another media type whose first byte does not arrive in time (an empty one would have been a bare POST)', async () => {
    const connection = await RawConnection.open(Number(new URL(slow.url).port));
    await connection.write(requestHead('POST', '/actions/hostile/fuller', { 'transfer-encoding': 'chunked' }));
    const response = await connection.response();
    expect(response.status).toBe(408);
    expect(response.headers.get('connection')).toBe('close');
    await connection.ended;
  });

  it('no time limit for an action given bodyTimeout: 0', async () => {
    const connection = await RawConnection.open(Number(new URL(slow.url).port));
    await connection.write(requestHead('POST', '/actions/actions/upload', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 7 }) + 'a=1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await connection.write('&b=2');
    const response = await connection.response();
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ fields: { a: '1', b: '2' }, files: [] });
    connection.destroy();
  });
});
