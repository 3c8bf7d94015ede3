import { Agent } from 'node:http';
import { startHardened } from '../helpers/hardened-servers.js';
import { rawRequest, type RawResponse } from '../helpers/raw-http.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { CUT_MARKER, MAX_KEY_TOKEN_CHARS, MAX_PROBLEM_ANSWER_BYTES } from '../../runtime/server/problems/problem-bounds.js';
import type { Issue } from '../../runtime/server/problems/problem.js';

/** The reproductions of hostile and tricky input against real generated routes: each must be a clean answer, never a 5xx. */
describe('hostile and tricky request bodies', () => {
  let server: ServerProcess;
  let strip: ServerProcess;
  beforeAll(async () => {
    server = await startHardened();
    strip = await startHardened({ unknownProperties: 'strip' });
  });
  afterAll(async () => {
    await server?.stop();
    await strip?.stop();
  });

  const call = (action: string, body: string, on: ServerProcess = server): Promise<RawResponse> =>
    rawRequest(`${on.url}actions/hostile/${action}`, { headers: { 'content-type': 'application/json' }, body });

  it('answers a JSON null, array, string or number body with 400, not 500', async () => {
    for (const body of ['null', '[]', '"x"', '7', 'true']) {
      const response = await call('count', body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.json().errors).toEqual([{ path: '', message: 'must be an object whose keys are the parameter names' }]);
    }
  });

  it('refuses numbers JSON cannot carry (1e400 parses as Infinity)', async () => {
    const response = await call('count', '{"n": 1e400}');
    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual([{ path: '/n', message: 'must be a finite number' }]);
  });

  it('bounds the answer to a large bad body: 20 problems and a count of the rest', async () => {
    const list = `[${new Array(300_000).fill('{}').join(',')}]`;
    const body = `{"list":${list}}`;
    expect(body.length).toBeLessThan(1024 * 1024);
    const response = await call('addresses', body);
    expect(response.status).toBe(400);
    const problem = response.json();
    expect(problem.errors).toHaveLength(20);
    expect(problem.omittedErrors).toBe(600_000 - 20);
    expect(response.text.length).toBeLessThan(4096);
  });

  it('keeps the answer small whatever the keys: a 1 MB key of "/" over 20 bad values, a long undeclared key', async () => {
    const slashes = '/'.repeat(1000 * 1000);
    const tally = await call('tally', JSON.stringify({ scores: { [slashes]: new Array(20).fill('x') } }));
    expect(tally.status).toBe(400);
    expect(Buffer.byteLength(tally.text)).toBeLessThanOrEqual(MAX_PROBLEM_ANSWER_BYTES);
    const errors = tally.json().errors as Issue[];
    expect(errors).toHaveLength(20);
    expect(errors[19]).toEqual({ path: `/scores/${'~1'.repeat(MAX_KEY_TOKEN_CHARS)}${CUT_MARKER}/19`, message: 'must be a finite number' });
    const undeclared = await call('addresses', JSON.stringify({ list: [{ street: 'a', city: 'b', ['~'.repeat(1000 * 1000)]: 1 }] }));
    expect(undeclared.status).toBe(400);
    expect(Buffer.byteLength(undeclared.text)).toBeLessThanOrEqual(MAX_PROBLEM_ANSWER_BYTES);
    expect(undeclared.json().errors).toEqual([{ path: `/list/0/${'~0'.repeat(MAX_KEY_TOKEN_CHARS)}${CUT_MARKER}`, message: 'is not a declared property' }]);
  });

  it('never lets __proto__, constructor or prototype keys reach an action through a record, an index signature or unknown', async () => {
    const cases: Array<[string, string, string]> = [
      ['merge', '{"patch":{"__proto__":{"polluted":1}}}', '/patch/__proto__'],
      ['merge', '{"patch":{"constructor":1}}', '/patch/constructor'],
      ['settings', '{"value":{"__proto__":{"x":1}},"extra":{}}', '/value/__proto__'],
      ['settings', '{"value":{},"extra":{"a":[{"prototype":{"x":1}}]}}', '/extra/a/0/prototype'],
    ];
    for (const [action, body, path] of cases) {
      const response = await call(action, body);
      expect({ body, status: response.status, errors: response.json().errors }).toEqual({ body, status: 400, errors: [{ path, message: 'is a reserved key (__proto__, constructor, prototype)' }] });
    }
    const fine = await call('merge', '{"patch":{"a":1}}');
    expect(fine.json()).toEqual({ prototype: 'Object.prototype', keys: ['a'] });
  });

  it('refuses impossible dates instead of rolling them over', async () => {
    for (const at of ['2021-02-31T00:00:00Z', '2021-01-01T24:00:00Z', '2021-01-01T23:59:60Z', '2021-13-01T00:00:00Z', '2021-01-01T00:00:00+25:00']) {
      const response = await call('when', JSON.stringify({ at }));
      expect({ at, status: response.status }).toEqual({ at, status: 400 });
    }
    expect((await call('when', '{"at":"2024-02-29T12:00:00+01:00"}')).json()).toBe('2024-02-29T11:00:00.000Z');
  });

  it('checks the keys of a numeric index signature', async () => {
    expect((await call('byNumber', '{"table":{"1":"a","2.5":"b","-3":"c"}}')).json()).toBe(3);
    const response = await call('byNumber', '{"table":{"1":"a","x":"b"}}');
    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual([{ path: '/table/x', message: 'is not a number key' }]);
  });

  it('refuses a Map with a repeated Date key, the same instant written twice', async () => {
    const response = await call('dateKeys', '{"visits":[["2024-01-01T00:00:00Z","a"],["2024-01-01T01:00:00+01:00","b"]]}');
    expect(response.status).toBe(400);
    expect(response.json().errors).toEqual([{ path: '/visits/1/0', message: 'repeats an earlier key' }]);
  });

  it('chooses a union member before reviving anything', async () => {
    expect((await call('reading', '{"value":{"d":"2020-01-01T00:00:00Z","y":1}}')).json()).toBe('text 2020-01-01T00:00:00Z');
    expect((await call('reading', '{"value":{"d":"2020-01-01T00:00:00Z","x":1}}')).json()).toBe('date 2020-01-01T00:00:00.000Z');
  });

  it("strips undeclared properties only from the member it chose ('strip' policy)", async () => {
    expect((await call('either', '{"value":{"b":1}}', strip)).json()).toEqual({ b: 1 });
    expect((await call('either', '{"value":{"b":1,"junk":true}}', strip)).json()).toEqual({ b: 1 });
  });

  it('takes an empty body whatever its Content-Type (a bare POST), but refuses a non-JSON body that has content', async () => {
    const post = (type: string, body: string): Promise<RawResponse> => rawRequest(`${server.url}actions/hostile/fuller`, { headers: { 'content-type': type }, body });
    expect((await post('text/plain', '')).status).toBe(200);
    expect((await post('application/json', '  \n')).status).toBe(200);
    expect((await post('text/plain', '{}')).status).toBe(415);
  });

  it('takes an empty chunked body (length not declared) with no or any Content-Type, and refuses one with content unread', async () => {
    const chunked = (action: string, headers: Record<string, string>, pieces: string[]): Promise<RawResponse> =>
      rawRequest(`${server.url}actions/${action}`, { headers: { 'transfer-encoding': 'chunked', ...headers }, body: pieces });
    expect((await chunked('hostile/fuller', {}, [])).status).toBe(200);
    expect((await chunked('hostile/fuller', { 'content-type': 'text/plain' }, [''])).status).toBe(200);
    expect((await chunked('actions/upload', {}, [])).json()).toEqual({ fields: {}, files: [] });
    const withContent = await chunked('hostile/fuller', {}, ['{', '}']);
    expect(withContent.status).toBe(415);
    expect(withContent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await chunked('actions/upload', { 'content-type': 'text/plain' }, ['a=1'])).status).toBe(415);
  });

  it('writes the union member that declares the most of the returned value', async () => {
    expect((await call('fuller', '{}')).json()).toEqual({ a: 'x', b: 1 });
  });

  it('keeps validator and serializer helpers apart (a string | number parameter with a Map in the result)', async () => {
    expect((await call('scalarOrMap', '{"value":"hello"}')).json()).toEqual({ inner: [['hello', 1]] });
    expect((await call('scalarOrMap', '{"value":3}')).json()).toEqual({ inner: [['3', 1]] });
  });

  it('answers a refused small body on a kept-alive connection, then serves the next call on it', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await rawRequest(`${server.url}actions/actions/upload`, { agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(10_000) }) });
      expect(refused.status).toBe(415);
      expect(refused.headers.connection).not.toBe('close');
      const next = await rawRequest(`${server.url}actions/hostile/count`, { agent, headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('still serves, with Object.prototype untouched', async () => {
    const probe = (await rawRequest(`${server.url}__probe`, { method: 'GET' })).json();
    expect(probe.polluted).toEqual([]);
    expect(probe.plainObjectHasExtra).toBe(false);
  });
});
