import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGoldenText } from '../helpers/golden-json.js';
import { repoRoot } from '../helpers/paths.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const fixture = join(repoRoot, 'tests', 'fixtures', 'types');
type Client = typeof import('../fixtures/types/src/generated/client/index.js');
type Echo = { value: unknown; seen: string };

let server: ServerProcess;
let api: ReturnType<Client['createClient']>;

beforeAll(async () => {
  server = await startServerProcess(join(fixture, 'dist', 'server.js'));
  const client = (await import(join(fixture, 'dist', 'generated', 'client', 'index.js'))) as Client;
  api = client.createClient({ baseUrl: server.url });
});

afterAll(async () => {
  await server?.stop();
});

async function raw(route: string, body: unknown): Promise<{ status: number; errors: Array<{ path: string; message: string }> }> {
  const response = await fetch(new URL(`/actions/families/${route}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const parsed = (await response.json()) as { errors?: Array<{ path: string; message: string }> };
  return { status: response.status, errors: parsed.errors ?? [] };
}

function golden(name: string, content: string): void {
  expectGoldenText(`types/${name}`, content);
}

/** The family's operations and every schema they reach, as the golden OpenAPI fragment. */
function openapiFragment(family: string): string {
  const spec = JSON.parse(readFileSync(join(fixture, 'src', 'generated', 'openapi.json'), 'utf8')) as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  const paths = Object.fromEntries(Object.entries(spec.paths).filter(([path]) => path.startsWith(`/actions/families/${family}/`)));
  const schemas: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        if (name !== 'ActionwireProblem' && !(name in schemas)) {
          schemas[name] = spec.components.schemas[name];
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit(paths);
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ paths, schemas: sorted }, null, 2) + '\n';
}

const families = ['primitives', 'optional', 'arrays', 'objects', 'unions', 'enums', 'records', 'utility', 'generics', 'recursive', 'dates', 'bigints', 'collections', 'bytes', 'anything', 'classes'];

describe.each(families)('type family %s', (family) => {
  it('matches its golden OpenAPI fragment and client module (declarations and script)', () => {
    golden(`${family}.openapi.json`, openapiFragment(family));
    for (const extension of ['d.ts', 'js']) {
      golden(`${family}.client.${extension}`, readFileSync(join(fixture, 'src', 'generated', 'client', 'families', `${family}.${extension}`), 'utf8'));
    }
  });
});

describe('round trips through a real server', () => {
  it('primitives and literals', async () => {
    const value = { text: 'héllo "q"', count: -1.5, flag: false, nothing: null, exact: 'exact', answer: 42, yes: true, mode: 'slow', mixed: 3 } as const;
    const result = (await api.familiesPrimitives.scalars(value)) as Echo;
    expect(result.value).toEqual(value);
    expect(result.seen).toBe('{text:string,count:number,flag:boolean,nothing:null,exact:string,answer:number,yes:boolean,mode:string,mixed:number}');
    await expect(api.familiesPrimitives.several('go', 3, true)).resolves.toBe('go×3!');
    await expect(api.familiesPrimitives.several('go', 2)).resolves.toBe('go×2');
    const bad = await raw('primitives/scalars', { value: { ...value, answer: 41, mode: 'medium', mixed: true, yes: false } });
    expect(bad.status).toBe(400);
    expect(bad.errors).toEqual([
      { path: '/value/answer', message: 'must be 42' },
      { path: '/value/yes', message: 'must be true' },
      { path: '/value/mode', message: 'must be one of "fast", "slow"' },
      { path: '/value/mixed', message: 'must be one of: string, number' },
    ]);
    expect((await raw('primitives/several', { name: 'x' })).errors).toEqual([{ path: '/times', message: 'is required' }]);
  });

  it('optional, undefined and null', async () => {
    const result = (await api.familiesOptional.optionals({ required: 'r', orUndefined: undefined, nullable: null })) as Echo;
    expect(result.value).toEqual({ required: 'r', nullable: null });
    const full = { required: 'r', optional: 'o', orUndefined: 1, nullable: 'n', optionalNullable: null, color: 'green' as never, speed: null };
    expect(((await api.familiesOptional.optionals(full)) as Echo).value).toEqual(full);
    expect(((await api.familiesOptional.optionals(full, 'fast')) as Echo).value).toEqual({ ...full, speed: 'fast' });
    expect((await raw('optional/optionals', { value: { ...full, color: 'blue', speed: 'medium' }, speed: null })).errors).toEqual([
      { path: '/value/color', message: 'must be one of "red", "green"' },
      { path: '/value/speed', message: 'must be one of "fast", "slow"' },
      { path: '/speed', message: 'must be one of "fast", "slow"' },
    ]);
    expect((await raw('optional/optionals', { value: { required: 'r', optional: null, nullable: 1 } })).errors).toEqual([
      { path: '/value/optional', message: 'must be a string' },
      { path: '/value/nullable', message: 'must be a string' },
    ]);
  });

  it('arrays and tuples', async () => {
    const value = { names: ['a'], frozen: [1, 2], matrix: [[1], []], pair: ['p', 1], optionalTail: ['t'], withRest: [true, 'x', 'y'], fixed: [1, 2, 3] } as const;
    const result = (await api.familiesArrays.lists(value as never)) as Echo;
    expect(result.value).toEqual(value);
    const bad = await raw('arrays/lists', { value: { ...value, pair: ['p'], optionalTail: ['t', 1, 2], withRest: [], fixed: [1, 2, '3'], matrix: [[1, 'x']] } });
    expect(bad.errors).toEqual([
      { path: '/value/matrix/0/1', message: 'must be a finite number' },
      { path: '/value/pair', message: 'must have 2 items' },
      { path: '/value/optionalTail', message: 'must have 1 to 2 items' },
      { path: '/value/withRest', message: 'must have at least 1 items' },
      { path: '/value/fixed/2', message: 'must be a finite number' },
    ]);
  });

  it('interfaces with extends, intersections, branded primitives, nested objects', async () => {
    const value = { id: 1, name: 'n', email: 'e@x' as never, address: { street: 's', zip: 'z' } };
    expect(((await api.familiesObjects.contact(value)) as Echo).value).toEqual(value);
    expect((await raw('objects/contact', { value: { id: 1, name: 'n', email: 'e', address: { street: 's', zip: 1, extra: 1 } } })).errors).toEqual([
      { path: '/value/address/zip', message: 'must be a string' },
      { path: '/value/address/extra', message: 'is not a declared property' },
    ]);
  });

  it('discriminated and plain unions', async () => {
    const value = { shape: { kind: 'square', side: 2 }, result: { ok: false, error: 'e' }, loose: { b: 1 } } as const;
    expect(((await api.familiesUnions.unions(value)) as Echo).value).toEqual(value);
    expect((await raw('unions/unions', { value: { shape: { kind: 'circle', side: 2 }, result: { ok: 'yes' }, loose: { c: 1 } } })).errors).toEqual([
      { path: '/value/shape/radius', message: 'is required' },
      { path: '/value/shape/side', message: 'is not a declared property' },
      { path: '/value/result/ok', message: 'must be one of true, false' },
      { path: '/value/loose', message: 'must be one of: {a}, {b}' },
    ]);
  });

  it('string and numeric enums', async () => {
    const value = { color: 'green', level: 10, only: 'red' } as never;
    expect(((await api.familiesEnums.enums(value)) as Echo).value).toEqual(value);
    expect((await raw('enums/enums', { value: { color: 'blue', level: 1, only: 'green' } })).errors).toEqual([
      { path: '/value/color', message: 'must be one of "red", "green"' },
      { path: '/value/level', message: 'must be one of 0, 10' },
      { path: '/value/only', message: 'must be "red"' },
    ]);
  });

  it('records and index signatures, with revived values inside', async () => {
    const at = new Date('2020-02-02T00:00:00.000Z');
    const value = { scores: { a: 1, 'b/c': 2 }, labels: {}, fixedKeys: { a: true, b: false }, nested: { k: { at } }, byIndex: { 1: 'one', '-0.25': 'a quarter', 1e21: 'big' } };
    const result = (await api.familiesRecords.records(value)) as Echo;
    expect(result.value).toEqual(value);
    expect(result.seen).toContain('nested:{k:{at:Date}}');
    expect((await raw('records/records', { value: { ...value, nested: {}, scores: { 'x/y': 'no' }, fixedKeys: { a: true }, byIndex: { '1e3': 'x', '01': 'y', notANumber: 'z' } } })).errors).toEqual([
      { path: '/value/scores/x~1y', message: 'must be a finite number' },
      { path: '/value/fixedKeys/b', message: 'is required' },
      { path: '/value/byIndex/1e3', message: 'is not a number key' },
      { path: '/value/byIndex/01', message: 'is not a number key' },
      { path: '/value/byIndex/notANumber', message: 'is not a number key' },
    ]);
  });

  it('utility, mapped, conditional, keyof and indexed access types', async () => {
    const value = { partial: {}, required: { email: 'e' }, omitted: { id: 1, name: 'n' }, frozen: { id: 2 }, key: 'secret', indexed: 'i', conditional: { x: null } } as const;
    expect(((await api.familiesUtility.utility(value)) as Echo).value).toEqual(value);
    expect((await raw('utility/utility', { value: { ...value, omitted: { id: 1, name: 'n', secret: 's' }, key: 'other' } })).errors).toEqual([
      { path: '/value/omitted/secret', message: 'is not a declared property' },
      { path: '/value/key', message: 'must be one of "email", "id", "name", "secret"' },
    ]);
  });

  it('generic instantiations', async () => {
    const authors = { items: [{ name: 'A' }], next: null };
    const books = { items: [{ title: 'B' }], next: 'cursor' };
    expect(((await api.familiesGenerics.pages(authors, books)) as Echo).value).toEqual([authors, books]);
    expect((await raw('generics/pages', { authors: books, books })).errors).toEqual([
      { path: '/authors/items/0/name', message: 'is required' },
      { path: '/authors/items/0/title', message: 'is not a declared property' },
    ]);
  });

  it('recursive types', async () => {
    const value = { label: 'root', children: [{ label: 'a', children: [{ label: 'b', children: [] }] }] };
    expect(((await api.familiesRecursive.tree(value)) as Echo).value).toEqual(value);
    const json = { a: [1, 'two', { b: null, c: [true] }] };
    await expect(api.familiesRecursive.json(json)).resolves.toEqual(json);
    expect((await raw('recursive/tree', { value: { label: 'root', children: [{ label: 'a', children: [{ label: 3, children: [] }] }] } })).errors).toEqual([
      { path: '/value/children/0/children/0/label', message: 'must be a string' },
    ]);
  });

  it('Date, revived on both sides', async () => {
    const value = { at: new Date('2024-05-06T07:08:09.010Z'), orNull: null, history: [new Date(0)] };
    const result = (await api.familiesDates.dated(value)) as { value: typeof value; seen: string };
    expect(result.seen).toBe('{at:Date,orNull:null,history:[Date]}');
    expect(result.value.at).toBeInstanceOf(Date);
    expect(result.value).toEqual(value);
    await expect(api.familiesDates.now()).resolves.toEqual(new Date('2030-01-01T00:00:00.000Z'));
    expect((await raw('dates/dated', { value: { at: '2024-05-06', orNull: 'x', history: ['2024-01-01T00:00:00Z', 5] } })).errors).toEqual([
      { path: '/value/at', message: 'must be an ISO 8601 date-time string naming a real date' },
      { path: '/value/orNull', message: 'must be an ISO 8601 date-time string naming a real date' },
      { path: '/value/history/1', message: 'must be an ISO 8601 date-time string naming a real date' },
    ]);
  });

  it('bigint, a decimal string on the wire and a bigint on both sides', async () => {
    const value = { id: 9007199254740993n, entries: [-1n, 0n] };
    const result = (await api.familiesBigints.ledger(value)) as { value: typeof value; seen: string };
    expect(result.seen).toBe('{id:bigint,entries:[bigint,bigint]}');
    expect(result.value).toEqual(value);
    await expect(api.familiesBigints.double(2n ** 70n)).resolves.toBe(2n ** 71n);
    expect((await raw('bigints/ledger', { value: { id: 1, entries: ['01', '1.5'] } })).errors).toEqual([
      { path: '/value/id', message: 'must be an integer written as a decimal string' },
      { path: '/value/entries/0', message: 'must be an integer written as a decimal string' },
      { path: '/value/entries/1', message: 'must be an integer written as a decimal string' },
    ]);
  });

  it('Map and Set, revived on both sides', async () => {
    const value = { counts: new Map([['a', 1]]), byId: new Map([[5n, new Date(1000)]]), tags: new Set(['x', 'y']), frozen: new Set([1]) };
    const result = (await api.familiesCollections.collections(value)) as { value: typeof value; seen: string };
    expect(result.seen).toBe('{counts:Map{string=>number},byId:Map{bigint=>Date},tags:Set{string,string},frozen:Set{number}}');
    expect(result.value.counts).toBeInstanceOf(Map);
    expect(result.value).toEqual(value);
    expect((await raw('collections/collections', { value: { counts: [['a', 'b'], ['a']], byId: [['1', '2020-01-01T00:00:00Z'], ['1', '2020-01-01T00:00:00Z']], tags: ['x', 'x'], frozen: {} } })).errors).toEqual([
      { path: '/value/counts/0/1', message: 'must be a finite number' },
      { path: '/value/counts/1', message: 'must be a [key, value] pair' },
      { path: '/value/byId/1/0', message: 'repeats an earlier key' },
      { path: '/value/tags/1', message: 'repeats an earlier item' },
      { path: '/value/frozen', message: 'must be an array' },
    ]);
  });

  it('Uint8Array as base64', async () => {
    const data = Uint8Array.from([0, 1, 2, 250, 255]);
    const result = (await api.familiesBytes.bytes({ name: 'b', data })) as { value: { data: Uint8Array }; seen: string };
    expect(result.seen).toBe('{name:string,data:Uint8Array(5)}');
    expect(result.value.data).toBeInstanceOf(Uint8Array);
    expect([...result.value.data]).toEqual([...data]);
    expect([...(await api.familiesBytes.reversed(data))]).toEqual([255, 250, 2, 1, 0]);
    expect((await raw('bytes/reversed', { data: 'not base64!' })).errors).toEqual([{ path: '/data', message: 'must be base64' }]);
  });

  it('classes: only public members cross (a getter is public; private, protected and #private members are not)', async () => {
    const answer = await fetch(new URL('/actions/families/classes/account', server.url), { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ id: 1, name: 'Ada', label: 'Ada (1)' });
    await expect(api.familiesClasses.account()).resolves.toEqual({ id: 1, name: 'Ada', label: 'Ada (1)' });
    await expect(api.familiesClasses.vault()).resolves.toEqual({ owner: 'Ada', sealed: true });
    await expect(api.familiesClasses.describeAccount({ id: 2, name: 'Bo', label: 'Bo (2)' }, { owner: 'Cy', sealed: false })).resolves.toBe('Bo Bo (2) Cy');
    expect((await raw('classes/describeAccount', { value: { id: 2, name: 'Bo', label: 'l', passwordHash: 'x' }, vault: { owner: 'Cy', sealed: false, '#secret': 's' } })).errors).toEqual([
      { path: '/value/passwordHash', message: 'is not a declared property' },
      { path: '/vault/#secret', message: 'is not a declared property' },
    ]);
    const spec = readFileSync(join(fixture, 'src', 'generated', 'openapi.json'), 'utf8');
    const declarations = readFileSync(join(fixture, 'src', 'generated', 'client', '_types.d.ts'), 'utf8');
    for (const hidden of ['passwordHash', 'internalNote', 'verify', '#secret']) {
      expect(spec).not.toContain(hidden);
      expect(declarations).not.toContain(hidden);
    }
  });

  it('unknown accepts any JSON', async () => {
    for (const value of [null, 1, 'x', [1, { a: [] }], { deep: { er: true } }]) await expect(api.familiesAnything.anything(value)).resolves.toEqual(value);
  });
});
