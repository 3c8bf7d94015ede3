import { FOREIGN_KEY, KEY_1, KEY_2, postAction, startInline } from '../helpers/inline-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * The seals of the compiled inline fixture across real server processes: anything but the seal a server
 * (or a server sharing its key) made for that very action is a 400 problem, and the action never runs;
 * keys rotate across instances; production refuses to start without a secret.
 */

interface WireReference {
  $action: string;
  bound: string;
}

const RENAME = 'posts/page/PostPage.rename';
const UPDATE = 'posts/page/PostPage.updatePost';
const INSPECT = 'posts/page/PostPage.details.inspect';

/** The sealed references openPost hands out on `server`, by route. */
async function sealedReferences(server: ServerProcess, id = '1'): Promise<Map<string, WireReference>> {
  const answer = await postAction(server, 'actions/openPost', { id });
  if (answer.status !== 200) throw new Error(`openPost answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const found = new Map<string, WireReference>();
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const { $action, bound } = record;
    if (typeof $action === 'string' && typeof bound === 'string') found.set($action, { $action, bound });
    else Object.values(record).forEach(walk);
  };
  walk(answer.body);
  return found;
}

function sealOf(references: Map<string, WireReference>, route: string): string {
  const reference = references.get(route);
  if (reference === undefined) throw new Error(`no reference to ${route}`);
  return reference.bound;
}

/** The seal with one byte of its `part` (2: the IV, 3: ciphertext and tag) flipped at `index` (negative: from the end). */
function flipByte(seal: string, part: 2 | 3, index: number): string {
  const parts = seal.split('.');
  const bytes = Buffer.from(parts[part] ?? '', 'base64url');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

async function callLog(server: ServerProcess): Promise<unknown[]> {
  const answer = await postAction(server, 'actions/callLog', {});
  return answer.body as unknown[];
}

function expectSealProblem(answer: { status: number; type: string | null; body: unknown }, detail: RegExp): void {
  expect(answer.status).toBe(400);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 400, title: 'Bad Request', code: 'actionwire/bad-seal', detail: expect.stringMatching(detail) });
}

describe('a call whose seal is not the one the server made for that action', () => {
  let server: ServerProcess;
  let foreign: ServerProcess;
  let references: Map<string, WireReference>;
  let foreignReferences: Map<string, WireReference>;
  beforeAll(async () => {
    [server, foreign] = await Promise.all([startInline({ secret: KEY_1 }), startInline({ secret: FOREIGN_KEY })]);
    [references, foreignReferences] = await Promise.all([sealedReferences(server), sealedReferences(foreign)]);
  });
  afterAll(async () => {
    await server?.stop();
    await foreign?.stop();
  });
  beforeEach(async () => {
    expect((await postAction(server, 'actions/reset', {})).status).toBe(204);
  });

  it('is answered when the seal is the right one (the control)', async () => {
    const answer = await postAction(server, RENAME, { title: 'Fine', $bound: sealOf(references, RENAME) });
    expect(answer).toMatchObject({ status: 200, body: { id: '1', title: 'Fine' } });
    expect(await callLog(server)).toEqual([{ action: 'PostPage.rename', detail: '1:Fine' }]);
  });

  const tampered: Array<[string, (seal: string) => string, RegExp]> = [
    ['one byte of the ciphertext flipped', (seal) => flipByte(seal, 3, 0), /not authentic/],
    ['one byte of the tag flipped', (seal) => flipByte(seal, 3, -1), /not authentic/],
    ['one byte of the IV flipped', (seal) => flipByte(seal, 2, 5), /not authentic/],
    ['one character of the key id changed', (seal) => seal.replace(/^v1\.(.)/, (_all, first: string) => `v1.${first === 'A' ? 'B' : 'A'}`), /key this server does not have/],
    ['truncated by 4 characters', (seal) => seal.slice(0, -4), /not authentic|malformed/],
    ['truncated to its header', (seal) => seal.split('.').slice(0, 3).join('.'), /malformed/],
    ['cut to half', (seal) => seal.slice(0, Math.floor(seal.length / 2)), /malformed|not authentic/],
    ['of another version', (seal) => seal.replace(/^v1\./, 'v2.'), /version v2 is not supported/],
    ['empty', () => '', /malformed/],
  ];
  it.each(tampered)('is refused: %s', async (_what, tamper, detail) => {
    const answer = await postAction(server, RENAME, { title: 'Hacked', $bound: tamper(sealOf(references, RENAME)) });
    expectSealProblem(answer, detail);
    expect(await callLog(server)).toEqual([]);
    expect((await postAction(server, 'actions/readPost', { id: '1' })).body).toMatchObject({ title: 'Hello' });
  });

  it('is refused: the seal of another action with the same captured variable (swapped)', async () => {
    const answer = await postAction(server, RENAME, { title: 'Hacked', $bound: sealOf(references, 'posts/page/PostPage.commenter') });
    expectSealProblem(answer, /not authentic for this action/);
    const form = new FormData();
    form.set('title', 'Hacked');
    form.set('$bound', sealOf(references, RENAME));
    const response = await fetch(new URL(`/actions/${UPDATE}`, server.url), { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'actionwire/bad-seal' });
    const inspect = await postAction(server, INSPECT, { note: 'x', $bound: sealOf(references, RENAME) });
    expectSealProblem(inspect, /not authentic for this action/);
    expect(await callLog(server)).toEqual([]);
  });

  it('is refused: a seal made by a server with another key', async () => {
    const answer = await postAction(server, RENAME, { title: 'Hacked', $bound: sealOf(foreignReferences, RENAME) });
    expectSealProblem(answer, /key this server does not have/);
    expect(await callLog(server)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no $bound at all', { title: 'Hacked' }, /needs the values it captured/],
    ['a $bound that is not a string', { title: 'Hacked', $bound: { id: '1' } }, /must be the seal string/],
    ['a $bound of null', { title: 'Hacked', $bound: null }, /must be the seal string/],
  ])('is refused: %s', async (_what, body, detail) => {
    expectSealProblem(await postAction(server, RENAME, body), detail);
    expect(await callLog(server)).toEqual([]);
  });

  it('is refused for a form action: missing, doubled or tampered $bound fields (urlencoded and multipart)', async () => {
    const seal = sealOf(references, UPDATE);
    const url = new URL(`/actions/${UPDATE}`, server.url);
    const urlencoded = (fields: Array<[string, string]>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const multipart = (fields: Array<[string, string]>) => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      return fetch(url, { method: 'POST', body: form });
    };
    for (const send of [urlencoded, multipart]) {
      for (const fields of [
        [['title', 'Hacked']],
        [['title', 'Hacked'], ['$bound', flipByte(seal, 3, 3)]],
        [['title', 'Hacked'], ['$bound', seal], ['$bound', seal]],
      ] satisfies Array<Array<[string, string]>>) {
        const response = await send(fields);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await response.json()).toMatchObject({ code: 'actionwire/bad-seal' });
      }
    }
    expect(await callLog(server)).toEqual([]);
    expect((await urlencoded([['title', 'Fine'], ['$bound', seal]])).status).toBe(204);
    expect(await callLog(server)).toEqual([{ action: 'PostPage.updatePost', detail: '1:Fine' }]);
  });

  it('cannot point a seal at another post: the post is in the seal, not the body', async () => {
    const answer = await postAction(server, RENAME, { title: 'Hacked', id: '2', params: { id: '2' }, $bound: sealOf(references, RENAME) });
    expect(answer.status).toBe(400);
    expect(await callLog(server)).toEqual([]);
    expect((await postAction(server, 'actions/readPost', { id: '2' })).body).toMatchObject({ title: 'Second' });
  });
});

describe('key rotation across server instances', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  beforeAll(async () => {
    [a, b, c] = await Promise.all([startInline({ secret: [KEY_1] }), startInline({ secret: [KEY_2, KEY_1] }), startInline({ secret: [KEY_2] })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
  });

  it('B [k2, k1] opens what A [k1] sealed, and C [k2] opens what B sealed', async () => {
    const fromA = await sealedReferences(a);
    const onB = await postAction(b, INSPECT, { note: 'sealed by A', $bound: sealOf(fromA, INSPECT) });
    expect(onB.status).toBe(200);
    expect(onB.body).toMatchObject({ params: { id: '1' }, views: '9007199254740993', since: '2025-12-31T23:59:59.123Z', note: 'sealed by A' });
    const fromB = await sealedReferences(b);
    expect(sealOf(fromB, INSPECT).split('.')[1]).not.toBe(sealOf(fromA, INSPECT).split('.')[1]);
    const onC = await postAction(c, RENAME, { title: 'Sealed by B', $bound: sealOf(fromB, RENAME) });
    expect(onC).toMatchObject({ status: 200, body: { id: '1', title: 'Sealed by B' } });
  });

  it('B seals with its first key: A, which has only the old one, cannot open them', async () => {
    const fromB = await sealedReferences(b);
    expectSealProblem(await postAction(a, RENAME, { title: 'Hacked', $bound: sealOf(fromB, RENAME) }), /key this server does not have/);
    expect(await callLog(a)).toEqual([]);
  });

  it('C [k2], the old key retired, refuses what A [k1] sealed, and the action does not run', async () => {
    await postAction(c, 'actions/reset', {});
    const fromA = await sealedReferences(a);
    expectSealProblem(await postAction(c, RENAME, { title: 'Hacked', $bound: sealOf(fromA, RENAME) }), /key this server does not have/);
    expect(await callLog(c)).toEqual([]);
  });
});

describe('the seal secret in production', () => {
  it('without one, the server process fails to start, saying what to set', async () => {
    const started = startInline({}, { NODE_ENV: 'production' });
    await expect(started).rejects.toThrow(/server exited with 1/);
    const error = await started.catch((caught: unknown) => caught);
    expect(String(error)).toContain('actionwire: no secret to seal the values inline actions capture. Set the ACTIONWIRE_SECRET environment variable');
    expect(String(error)).toContain('or the router option `secret`');
  });

  it('refuses a secret too short to be one', async () => {
    await expect(startInline({ secret: 'short' }, { NODE_ENV: 'production' })).rejects.toThrow(/seal secret #1 is too short/);
  });

  it('with ACTIONWIRE_SECRET (a comma-separated rotation list) it starts, seals with the first and opens with any', async () => {
    const fromEnv = await startInline({}, { NODE_ENV: 'production', ACTIONWIRE_SECRET: `${KEY_2},${KEY_1}` });
    const withOption = await startInline({ secret: KEY_2 }, { NODE_ENV: 'production' });
    const old = await startInline({ secret: KEY_1 }, { NODE_ENV: 'production' });
    try {
      expect(fromEnv.output()).not.toMatch(/random key/);
      const sealed = await sealedReferences(fromEnv);
      expect((await postAction(withOption, RENAME, { title: 'Env sealed', $bound: sealOf(sealed, RENAME) })).status).toBe(200);
      const oldSeals = await sealedReferences(old);
      expect((await postAction(fromEnv, RENAME, { title: 'Old sealed', $bound: sealOf(oldSeals, RENAME) })).status).toBe(200);
    } finally {
      await Promise.all([fromEnv.stop(), withOption.stop(), old.stop()]);
    }
  });

  it('outside production, without a secret, it starts with a random key and one warning', async () => {
    const server = await startInline({}, { NODE_ENV: 'development' });
    try {
      const seals = await sealedReferences(server);
      expect((await postAction(server, RENAME, { title: 'Dev', $bound: sealOf(seals, RENAME) })).status).toBe(200);
      expect(server.output().match(/random key of this process/g)).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
