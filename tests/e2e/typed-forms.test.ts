import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inlineClient, inlineDir, KEY_1, postAction, startInline, type InlineClient } from '../helpers/inline-servers.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * Typed forms (`FormFields<T>`) of the compiled inline fixture (src/forms/typed.ts), over real HTTP: every way a
 * form can miss its declared fields is a 400 naming the field, in multipart and urlencoded alike; the generated
 * client sends a FormData or the fields object; an inline typed action's `$bound` is not an unknown field.
 */

let server: ServerProcess;
let client: InlineClient;
beforeAll(async () => {
  server = await startInline({ secret: KEY_1 });
  client = await inlineClient();
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  type: string | null;
  body: unknown;
}

async function postForm(route: string, body: FormData | URLSearchParams): Promise<Answer> {
  const response = await fetch(new URL(`/actions/forms/typed/${route}`, server.url), { method: 'POST', body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function form(entries: Array<[string, string | Blob, string?]>): FormData {
  const data = new FormData();
  for (const [name, value, fileName] of entries) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, fileName);
  }
  return data;
}

const photo = (text: string, name = 'photo.txt'): [Blob, string] => [new Blob([text], { type: 'text/plain' }), name];

function problemPaths(answer: Answer): Array<[string, string]> {
  expect(answer.status).toBe(400);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  return ((answer.body as { errors: Array<{ path: string; message: string }> }).errors ?? []).map(({ path, message }) => [path, message]);
}

describe('a typed form over raw HTTP', () => {
  it('hands the action its checked fields: text, a checkbox literal, repeated text, a file and repeated files', async () => {
    const answer = await postForm(
      'upload',
      form([
        ['title', 'Holiday'],
        ['notify', 'yes'],
        ['tags', 'sea'],
        ['tags', 'sun'],
        ['photo', ...photo('one', 'beach.txt')],
        ['photos', ...photo('two!', 'a.txt')],
        ['photos', ...photo('three', 'b.txt')],
      ]),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      title: 'Holiday',
      notify: 'yes',
      tags: ['sea', 'sun'],
      photo: { name: 'beach.txt', size: 3, type: 'text/plain' },
      photos: [
        { name: 'a.txt', size: 4 },
        { name: 'b.txt', size: 5 },
      ],
      fieldNames: ['title', 'notify', 'tags', 'tags', 'photo', 'photos', 'photos'],
    });
  });

  it('takes a repeated field left out as none, an optional one as absent, and an empty file input as no file', async () => {
    // as a browser sends a file input left empty: a part with filename="" (undici's FormData would drop the filename)
    const boundary = 'browser-boundary';
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="title"', '', 'Bare', `--${boundary}`, 'Content-Disposition: form-data; name="photo"; filename=""', 'Content-Type: application/octet-stream', '', '', `--${boundary}--`, ''].join('\r\n');
    const response = await fetch(new URL('/actions/forms/typed/upload', server.url), { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    const answer = { status: response.status, body: (await response.json()) as unknown };
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ title: 'Bare', notify: null, tags: [], photo: null, photos: [] });
  });

  it('refuses each kind of mismatch with a 400 whose paths name the fields', async () => {
    expect(problemPaths(await postForm('upload', form([['notify', 'yes']])))).toEqual([['/title', 'is required']]);
    expect(problemPaths(await postForm('upload', form([['title', 'a'], ['title', 'b']])))).toEqual([['/title', 'must be given once, not 2 times']]);
    expect(problemPaths(await postForm('upload', form([['title', ...photo('x')]])))).toEqual([['/title', 'must be text, not a file']]);
    expect(problemPaths(await postForm('upload', form([['title', 'a'], ['photo', 'not a file']])))).toEqual([['/photo', 'must be a file']]);
    expect(problemPaths(await postForm('upload', form([['title', 'a'], ['photos', ...photo('x')], ['photos', 'text']])))).toEqual([['/photos/1', 'must be a file']]);
    expect(problemPaths(await postForm('upload', form([['title', 'a'], ['tags', 'ok'], ['tags', ...photo('x')]])))).toEqual([['/tags/1', 'must be text, not a file']]);
    expect(problemPaths(await postForm('upload', form([['title', 'a'], ['notify', 'on']])))).toEqual([['/notify', 'must be one of "yes"']]);
    expect(problemPaths(await postForm('upload', form([['title', 'a'], ['admin', 'true'], ['a/b~c', '1']])))).toEqual([
      ['/admin', 'is not a field of this form'],
      ['/a~1b~0c', 'is not a field of this form'],
    ]);
  });

  it('checks an urlencoded body the same way', async () => {
    expect((await postForm('search', new URLSearchParams({ q: 'koa', sort: 'new' }))).body).toBe('koa|new');
    expect(problemPaths(await postForm('search', new URLSearchParams([['sort', 'sideways'], ['q', 'a'], ['q', 'b'], ['extra', '']])))).toEqual([
      ['/q', 'must be given once, not 2 times'],
      ['/sort', 'must be one of "new", "old"'],
      ['/extra', 'is not a field of this form'],
    ]);
    expect(problemPaths(await postForm('upload', new URLSearchParams({ title: 'x', photo: 'name.jpg' })))).toEqual([['/photo', 'must be a file']]);
  });

  it('leaves the protocol’s $ fields out of the check', async () => {
    expect((await postForm('search', new URLSearchParams({ q: 'x', $action: '', $ACTION_KEY: 'k' }))).body).toBe('x|none');
  });

  it('answers every hostile form with 200 or a bounded 400, never a failure', async () => {
    const names = ['title', 'tags', 'photo', 'photos', 'notify', '__proto__', 'constructor', 'prototype', '$bound', '', 'x'.repeat(5000), 'tïtle', 'a/b', '~', 'title '];
    const values: Array<() => string | [Blob, string]> = [
      () => '',
      () => 'yes',
      () => 'x'.repeat(10_000),
      () => '\u0000\ud800',
      () => photo('p'),
      () => [new Blob([]), ''],
      () => [new Blob([new Uint8Array(1000)]), '../../etc/passwd'],
    ];
    let seed = 20;
    const next = (bound: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % bound;
    };
    for (let round = 0; round < 150; round += 1) {
      const data = new FormData();
      for (let count = next(40); count > 0; count -= 1) {
        const name = names[next(names.length)] as string;
        const value = (values[next(values.length)] as () => string | [Blob, string])();
        if (typeof value === 'string') data.append(name, value);
        else data.append(name, ...value);
      }
      const answer = await postForm(round % 2 === 0 ? 'upload' : 'search', data);
      expect([200, 400]).toContain(answer.status);
      if (answer.status === 400) {
        expect(answer.type).toMatch(/^application\/problem\+json/);
        expect(JSON.stringify(answer.body).length).toBeLessThan(64 * 1024);
      }
    }
    // the server still answers
    expect((await postForm('search', new URLSearchParams({ q: 'alive' }))).body).toBe('alive|none');
  });
});

describe('a typed form through the generated client', () => {
  it('sends the fields object as multipart, files and repeated fields included', async () => {
    const api = client.createClient({ baseUrl: server.url });
    const receipt = await api.formsTyped.upload({ title: 'From an object', tags: ['a', 'b'], photo: new File(['abc'], 'c.txt', { type: 'text/plain' }), photos: [] });
    expect(receipt).toEqual({ title: 'From an object', notify: null, tags: ['a', 'b'], photo: { name: 'c.txt', size: 3, type: 'text/plain' }, photos: [], fieldNames: ['title', 'tags', 'tags', 'photo'] });
  });

  it('sends a FormData as it is, and a mismatch rejects with the field in the ActionError', async () => {
    const api = client.createClient({ baseUrl: server.url });
    expect(await api.formsTyped.search(form([['q', 'form']]))).toBe('form|none');
    const error = await api.formsTyped.search(form([['sort', 'new']])).catch((caught: unknown) => caught);
    expect(client.ActionError.is(error)).toBe(true);
    expect((error as InstanceType<InlineClient['ActionError']>).errors).toEqual([{ path: '/q', message: 'is required' }]);
  });

  it('calls an inline typed form action through its reference: the sealed $bound is not a field', async () => {
    const api = client.createClient({ baseUrl: server.url });
    const rename = await api.formsTyped.renamer('post: ');
    expect(await rename({ title: 'Hello' })).toBe('post: Hello');
    expect(await rename(form([['title', 'again']]))).toBe('post: again');
    const error = await rename({} as { title: string }).catch((caught: unknown) => caught);
    expect((error as InstanceType<InlineClient['ActionError']>).errors).toEqual([{ path: '/title', message: 'is required' }]);
  });

  it('refuses JSON for a typed form (415), as for any form action', async () => {
    expect((await postAction(server, 'forms/typed/search', { q: 'json' })).status).toBe(415);
  });
});

describe('the typed form in openapi.json', () => {
  const spec = JSON.parse(readFileSync(join(inlineDir, 'src', 'generated', 'openapi.json'), 'utf8')) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
  };
  const content = (route: string): Record<string, { schema: unknown }> => (spec.paths[`/actions/forms/typed/${route}`] as { post: { requestBody: { content: Record<string, { schema: unknown }> } } }).post.requestBody.content;

  it('describes a form with files in multipart only: files as binary content, repeated fields as arrays', () => {
    expect(Object.keys(content('upload'))).toEqual(['multipart/form-data']);
    expect(content('upload')['multipart/form-data']?.schema).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        notify: { type: 'string', enum: ['yes'] },
        tags: { type: 'array', items: { type: 'string' } },
        photo: { type: 'string', contentMediaType: 'application/octet-stream' },
        photos: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } },
      },
      required: ['title'],
      additionalProperties: false,
    });
  });

  it('describes a text-only form in both media types, an inline one with its $bound', () => {
    expect(Object.keys(content('search'))).toEqual(['multipart/form-data', 'application/x-www-form-urlencoded']);
    expect(content('renamer.rename')['application/x-www-form-urlencoded']?.schema).toMatchObject({ required: ['$bound', 'title'], additionalProperties: false });
  });
});
