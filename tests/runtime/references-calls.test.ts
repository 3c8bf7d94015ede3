import { FORM, NEW, NO_CAPTURE, OLD, OTHER, OTHER_ACTION, UPDATE, references, serve, type Reference, type Served } from './references-fixtures.js';

/** Flips one byte of a seal's ciphertext (its last part, decoded as base64url). */
function flipByte(sealed: string): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[3] ?? '', 'base64url');
  bytes[2] = (bytes[2] ?? 0) ^ 0x01;
  parts[3] = bytes.toString('base64url');
  return parts.join('.');
}

function sealOf(reference: Reference | undefined): string {
  if (reference?.bound === undefined) throw new Error('the reference carries no seal');
  return reference.bound;
}

let served: Served;
let refs: Record<string, Reference>;
beforeAll(async () => {
  served = await serve({ secret: [NEW, OLD] });
  refs = await references(served);
});
afterAll(() => served.server.close());

describe('an inline action called with the seal of its reference', () => {
  it('gets the captured values intact (bigint, Date, named object pruned to its type, Map) before its arguments', async () => {
    const answer = await served.post(UPDATE, { title: 'New title', $bound: sealOf(refs.update) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ title: 'New title', id: '7' });
    const [bound, title] = served.runs.get(UPDATE)?.at(-1) ?? [];
    expect(title).toBe('New title');
    expect(bound).toEqual({ id: 7n, post: { title: 'Hello', at: new Date('2026-01-02T03:04:05.000Z') }, since: new Date('2025-05-05T00:00:00.000Z'), tags: new Map([['a', 1]]) });
    const values = bound as Record<string, unknown>;
    expect(values.since).toBeInstanceOf(Date);
    expect(values.tags).toBeInstanceOf(Map);
    expect(typeof values.id).toBe('bigint');
  });

  it('opens the same seal on every call, and each inline action its own', async () => {
    for (let call = 0; call < 3; call++) expect((await served.post(UPDATE, { title: `t${call}`, $bound: sealOf(refs.update) })).status).toBe(200);
    const other = await served.post(OTHER_ACTION, { $bound: sealOf(refs.other) });
    expect(other).toMatchObject({ status: 200, body: '99' });
  });

  it('with no captures carries no seal, gets {} first, and ignores a $bound sent anyway', async () => {
    expect(refs.noCapture).toEqual({ $action: NO_CAPTURE });
    expect(await served.post(NO_CAPTURE, {})).toMatchObject({ status: 200, body: 'no capture' });
    expect(await served.post(NO_CAPTURE, { $bound: 'anything at all' })).toMatchObject({ status: 200, body: 'no capture' });
    expect(served.runs.get(NO_CAPTURE)?.at(-1)).toEqual([{}]);
  });

  it('without $bound is a 400 problem that says what is missing, and does not run', async () => {
    const before = served.runs.get(UPDATE)?.length ?? 0;
    const answer = await served.post(UPDATE, { title: 'x' });
    expect(answer).toMatchObject({ status: 400, type: 'application/problem+json', body: { code: 'actionwire/bad-seal' } });
    expect(answer.body.detail).toMatch(/needs the values it captured.*"\$bound"/);
    expect(served.runs.get(UPDATE)?.length ?? 0).toBe(before);
  });

  it('still has its arguments checked after the seal opens', async () => {
    const answer = await served.post(UPDATE, { title: 5, $bound: sealOf(refs.update) });
    expect(answer).toMatchObject({ status: 400, body: { errors: [{ path: '/title', message: 'must be a string' }] } });
  });
});

describe('a seal that is not authentic for the action: 400 problem+json, and the action does not run', () => {
  const cases: Array<[string, () => { route: string; bound: unknown }]> = [
    ['a flipped byte', () => ({ route: UPDATE, bound: flipByte(sealOf(refs.update)) })],
    ['a truncated seal', () => ({ route: UPDATE, bound: sealOf(refs.update).slice(0, -6) })],
    ["another action's seal", () => ({ route: UPDATE, bound: sealOf(refs.other) })],
    ['the seals of two actions swapped the other way', () => ({ route: OTHER_ACTION, bound: sealOf(refs.update) })],
    ['not a string', () => ({ route: UPDATE, bound: { $action: UPDATE } })],
    ['an empty string', () => ({ route: UPDATE, bound: '' })],
  ];
  it.each(cases)('%s', async (_what, make) => {
    const { route, bound } = make();
    const before = served.runs.get(route)?.length ?? 0;
    const answer = await served.post(route, { ...(route === UPDATE ? { title: 'x' } : {}), $bound: bound });
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400, code: 'actionwire/bad-seal', detail: expect.any(String) });
    expect(served.runs.get(route)?.length ?? 0).toBe(before);
  });
});

describe('keys and rotation across router instances', () => {
  it('a seal made with another key is refused', async () => {
    const stranger = await serve({ secret: OTHER });
    try {
      const foreign = await references(stranger);
      const answer = await served.post(UPDATE, { title: 'x', $bound: sealOf(foreign.update) });
      expect(answer).toMatchObject({ status: 400, body: { detail: 'The seal was made with a key this server does not have' } });
    } finally {
      await stranger.server.close();
    }
  });

  it('a router sealing with the new key and opening with both opens seals of a router that has only the old one, not the reverse once the old key is dropped', async () => {
    const oldOnly = await serve({ secret: OLD });
    const newOnly = await serve({ secret: [NEW] });
    try {
      const oldSeal = sealOf((await references(oldOnly)).update);
      expect((await served.post(UPDATE, { title: 'x', $bound: oldSeal })).status).toBe(200);
      const newSeal = sealOf(refs.update);
      expect((await oldOnly.post(UPDATE, { title: 'x', $bound: newSeal })).status).toBe(400);
      const before = newOnly.runs.get(UPDATE)?.length ?? 0;
      const dropped = await newOnly.post(UPDATE, { title: 'x', $bound: oldSeal });
      expect(dropped).toMatchObject({ status: 400, type: 'application/problem+json', body: { code: 'actionwire/bad-seal' } });
      expect(newOnly.runs.get(UPDATE)?.length ?? 0).toBe(before);
      expect((await newOnly.post(UPDATE, { title: 'x', $bound: newSeal })).status).toBe(200);
    } finally {
      await oldOnly.server.close();
      await newOnly.server.close();
    }
  });
});

describe('$bound on routes without bound values', () => {
  it('is an undeclared property of a file-level action (400 under the default policy, dropped under strip)', async () => {
    expect(await served.post('app/actions/ping', { $bound: 'x' })).toMatchObject({ status: 400, body: { errors: [{ path: '/$bound', message: 'is not a declared property' }] } });
    const stripping = await serve({ secret: NEW, unknownProperties: 'strip' });
    try {
      expect(await stripping.post('app/actions/ping', { $bound: 'x' })).toMatchObject({ status: 200, body: 'pong' });
    } finally {
      await stripping.server.close();
    }
  });
});

describe('a form action with a $bound field', () => {
  async function postForm(body: FormData | URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(served.server.url(`/actions/${FORM}`), { method: 'POST', body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it.each([
    ['multipart/form-data', () => new FormData()],
    ['application/x-www-form-urlencoded', () => new URLSearchParams()],
  ])('(%s) gets its captured values, and a FormData without the field', async (_type, make) => {
    const form = make();
    form.append('note', 'hello');
    form.append('$bound', sealOf(refs.form));
    expect(await postForm(form)).toEqual({ status: 200, body: { owner: 'ada', fields: ['note'], note: 'hello' } });
  });

  it('without the field, or with a tampered one, or two of them, is refused before the action runs', async () => {
    const before = served.runs.get(FORM)?.length ?? 0;
    const missing = new URLSearchParams({ note: 'x' });
    const tampered = new URLSearchParams({ note: 'x', $bound: flipByte(sealOf(refs.form)) });
    const twice = new URLSearchParams([
      ['$bound', sealOf(refs.form)],
      ['$bound', sealOf(refs.form)],
    ]);
    const file = new FormData();
    file.append('$bound', new Blob([sealOf(refs.form)]), 'seal.txt');
    for (const body of [missing, tampered, twice, file]) expect(await postForm(body)).toMatchObject({ status: 400, body: { code: 'actionwire/bad-seal' } });
    expect(served.runs.get(FORM)?.length ?? 0).toBe(before);
  });
});
