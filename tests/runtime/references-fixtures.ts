import { MODEL_VERSION } from '../../model/version.js';
import type { Parameter, RoutesModel, TypeNode } from '../../runtime/server/internal.js';
import { toReference, type ActionRouterOptions } from '../../runtime/server/index.js';
import { bindAction, defineActionRoutes, type RouteDefinition } from '../../runtime/server/internal.js';
import { serveRoutes, type InProcessServer } from './in-process-server.js';

/** A hand-written routes model with inline actions (some capturing values) and file-level actions that return actions. */

export const OLD = 'old-secret-0123456789abcdefghijklmnopqrstuv';
export const NEW = 'new-secret-0123456789abcdefghijklmnopqrstuv';
export const OTHER = 'other-secret-0123456789abcdefghijklmnopqrstu';

const str: TypeNode = { kind: 'string' };
const param = (name: string, type: TypeNode, optional = false): Parameter => ({ name, type, optional });
const updateType: TypeNode = { kind: 'action', params: [param('title', str)], returns: { kind: 'unknown' } };

export const UPDATE = 'app/page/Page.update';
export const OTHER_ACTION = 'app/page/Page.other';
export const NO_CAPTURE = 'app/page/Page.noCapture';
export const FORM = 'app/page/Page.form';

export const model: RoutesModel = {
  version: MODEL_VERSION,
  schemas: [{ name: 'Post', type: { kind: 'object', properties: [param('title', str), param('at', { kind: 'date' })] } }],
  actions: [
    {
      route: UPDATE,
      params: [param('title', str)],
      returns: { kind: 'unknown' },
      form: false,
      mayReturnNothing: false,
      bound: [
        param('id', { kind: 'bigint' }),
        param('post', { kind: 'ref', name: 'Post' }),
        param('since', { kind: 'date' }),
        param('tags', { kind: 'map', key: str, value: { kind: 'number' } }),
        param('note', str, true),
      ],
    },
    { route: OTHER_ACTION, params: [], returns: str, form: false, mayReturnNothing: false, bound: [param('id', { kind: 'bigint' })] },
    { route: NO_CAPTURE, params: [], returns: str, form: false, mayReturnNothing: false, bound: [] },
    { route: FORM, params: [], returns: { kind: 'unknown' }, form: true, mayReturnNothing: false, bound: [param('owner', str)] },
    {
      route: 'app/actions/getActions',
      params: [],
      returns: {
        kind: 'object',
        properties: [
          param('update', updateType),
          param('other', { kind: 'action', params: [] }),
          param('noCapture', { kind: 'action', params: [] }),
          param('form', { kind: 'action', params: [], form: { name: 'data', optional: false } }),
          param('ping', { kind: 'action', params: [] }),
          param('list', { kind: 'array', items: { kind: 'union', members: [str, { kind: 'action', params: [] }] } }),
          param('nested', { kind: 'object', properties: [param('deeper', { kind: 'tuple', items: [updateType], minItems: 1 })] }),
        ],
      },
      form: false,
      mayReturnNothing: false,
    },
    { route: 'app/actions/ping', params: [], returns: str, form: false, mayReturnNothing: false },
    { route: 'app/actions/plain', params: [param('which', str)], returns: { kind: 'action', params: [] }, form: false, mayReturnNothing: false },
    { route: 'app/actions/inside', params: [], returns: { kind: 'unknown' }, form: false, mayReturnNothing: false },
  ],
};

export interface Fixture {
  routes: RouteDefinition[];
  /** every run of each action, by route: the arguments it was called with */
  runs: Map<string, unknown[][]>;
  /** the captured values getActions binds into its update action */
  captured: Record<string, unknown>;
  update: (title: string) => Promise<unknown>;
  ping: () => Promise<string>;
}

/** The model's route definitions, with functions that record their runs. */
export function fixture(): Fixture {
  const runs = new Map<string, unknown[][]>();
  const record =
    <A extends unknown[], R>(route: string, body: (...args: A) => R) =>
    (...args: A): R => {
      runs.set(route, [...(runs.get(route) ?? []), args]);
      return body(...args);
    };
  const hoistedUpdate = record(UPDATE, async (bound: Record<string, unknown>, title: string) => ({ title, id: String(bound.id) }));
  const hoistedOther = record(OTHER_ACTION, async (bound: Record<string, unknown>) => String(bound.id));
  const hoistedNoCapture = record(NO_CAPTURE, async () => 'no capture');
  const hoistedForm = record(FORM, async (bound: Record<string, unknown>, form: FormData) => ({ owner: bound.owner, fields: [...form.keys()], note: form.get('note') }));
  const ping = record('app/actions/ping', async () => 'pong');
  const captured = { id: 7n, post: { title: 'Hello', at: new Date('2026-01-02T03:04:05.000Z'), secret: 'pruned away' }, since: new Date('2025-05-05T00:00:00.000Z'), tags: new Map([['a', 1]]) };
  const update = bindAction(hoistedUpdate, UPDATE, captured);
  const getActions = record('app/actions/getActions', async () => ({
    update,
    other: bindAction(hoistedOther, OTHER_ACTION, { id: 99n }),
    noCapture: bindAction(hoistedNoCapture, NO_CAPTURE, {}),
    form: bindAction(hoistedForm, FORM, { owner: 'ada' }),
    ping,
    list: ['text', ping, update],
    nested: { deeper: [update] },
  }));
  const plain = record('app/actions/plain', async (which: string) => (which === 'foreign' ? bindAction(async () => 'x', 'elsewhere/Thing.run', {}) : function helper() {}));
  const inside = record('app/actions/inside', async () => ({ update: toReference(update), ping: toReference(ping) }));
  const functions = [hoistedUpdate, hoistedOther, hoistedNoCapture, hoistedForm, getActions, ping, plain, inside];
  return { routes: defineActionRoutes(model, functions as never[]), runs, captured, update, ping };
}

export interface Served extends Fixture {
  server: InProcessServer;
  post: (route: string, body: unknown) => Promise<{ status: number; type: string | null; body: Record<string, unknown> }>;
}

export async function serve(options: ActionRouterOptions = {}): Promise<Served> {
  const made = fixture();
  const server = await serveRoutes(made.routes, options);
  const post = async (route: string, body: unknown) => {
    const response = await fetch(server.url(`/actions/${route}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
  };
  return { ...made, server, post };
}

export interface Reference {
  $action: string;
  bound?: string;
}

/** The references getActions returns, as the client receives them. */
export async function references(served: Served): Promise<Record<string, Reference>> {
  const answer = await served.post('app/actions/getActions', {});
  if (answer.status !== 200) throw new Error(`getActions answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as unknown as Record<string, Reference>;
}
