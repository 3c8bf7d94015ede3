import ky, { type KyInstance, type Options } from 'ky';
import { urlPath } from '../../model/url-path.js';
import { bindReference } from './bind-reference.js';
import { callFailure } from './call-failure.js';
import { mergeCallOptions, type CallOptions } from './call-options.js';
import type { StreamPlans } from '../../model/client-action.js';
import { eventIterator } from './event-iterator.js';
import type { Caller } from './caller-type.js';
import { stringifyArguments } from './encode.js';
import type { ReferenceResolver } from './reference.js';
import { revive, type RevivalPlan, type RevivalPlans } from './revive.js';

export interface ClientOptions extends Omit<Options, 'json' | 'body' | 'method' | 'prefix'> {
  /** where the server is, e.g. `http://127.0.0.1:3000/`; in a browser it defaults to the page's origin */
  baseUrl?: string | URL;
  /** a ky instance to extend instead of the default one */
  ky?: KyInstance;
  /**
   * milliseconds a call may take until it rejects with a `TimeoutError`; default `false`: no timeout, as with fetch
   * (a call ends when the answer comes, the connection fails, or its signal aborts), or the `ky` instance's own
   * when one is given. Per call: `f.with({ timeout })`.
   */
  timeout?: number | false;
}

/** The client's own defaults: no retry (an action is not idempotent), and no timeout unless a given `ky` instance has its own. */
function clientDefaults(parent: KyInstance | undefined): Options {
  return { retry: 0, stringifyJson: stringifyArguments, ...(parent === undefined ? { timeout: false } : {}) };
}

function resolveBase(baseUrl: string | URL | undefined): string {
  const base = baseUrl ?? (globalThis as { location?: { origin: string } }).location?.origin;
  if (base === undefined) {
    throw new TypeError('actionwire: set baseUrl with configureClient({ baseUrl }) or createClient({ baseUrl }) outside a browser');
  }
  const text = String(base);
  return text.endsWith('/') ? text : `${text}/`;
}

/** A Caller over its own ky instance; action references in results become functions calling through this Caller. */
export function createCaller(options: ClientOptions = {}): Caller {
  const caller = callerOver(options, (reference) => bindReference(reference, caller));
  return caller;
}

/** A Caller over its own ky instance, reviving action references in results with `references`. */
function callerOver(options: ClientOptions, references: ReferenceResolver): Caller {
  const { ky: parent, baseUrl, ...kyOptions } = options;
  const instance = (parent ?? ky).extend({ ...clientDefaults(parent), ...kyOptions });
  const post = async (route: string, body: Record<string, unknown> | FormData, options: CallOptions): Promise<Response> => {
    const url = new URL(urlPath(route).replace(/^\/+/, ''), resolveBase(baseUrl));
    try {
      return await instance.post(url, { ...options, ...(body instanceof FormData ? { body } : { json: body }) });
    } catch (error) {
      throw callFailure(error, route);
    }
  };
  const call = async <T>(route: string, body: Record<string, unknown> | FormData, plan?: RevivalPlan, plans?: RevivalPlans, options: CallOptions = {}): Promise<T> => {
    const response = await post(route, body, options);
    if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
    const data: unknown = await response.json();
    return (plan === undefined ? data : revive(data, plan, plans, references)) as T;
  };
  const stream = <T, R>(route: string, body: Record<string, unknown> | FormData, streamPlans: StreamPlans, plans?: RevivalPlans, options: CallOptions = {}): AsyncIterableIterator<T, R> =>
    eventIterator<T, R>(
      (signal) => post(route, body, { ...mergeCallOptions(options, { headers: { accept: EVENT_STREAM } }), signal }),
      { plans: streamPlans, named: plans, references },
      options.signal,
      route,
    );
  return Object.assign(call, { stream });
}

const EVENT_STREAM = 'text/event-stream';

let defaultOptions: ClientOptions = {};
let current: Caller | undefined;
// a reference in a result of the default caller calls through it too, so it follows later `configureClient`s as the generated functions do
const defaultReferences: ReferenceResolver = (reference) => bindReference(reference, defaultCaller);

/**
 * Sets the options every generated action function uses (unless called through `createClient`).
 *
 * @example
 * configureClient({ baseUrl: 'http://127.0.0.1:3000/', headers: { 'x-request-id': id } });
 */
export function configureClient(options: ClientOptions): void {
  defaultOptions = options;
  current = undefined;
}

/** The caller behind the generated functions; it follows the latest `configureClient`. */
export const defaultCaller: Caller = Object.assign(
  <T>(route: string, body: Record<string, unknown> | FormData, plan?: RevivalPlan, plans?: RevivalPlans, options?: CallOptions): Promise<T> => {
    current ??= callerOver(defaultOptions, defaultReferences);
    return current<T>(route, body, plan, plans, options);
  },
  {
    stream<T, R>(route: string, body: Record<string, unknown> | FormData, streamPlans: StreamPlans, plans?: RevivalPlans, options?: CallOptions): AsyncIterableIterator<T, R> {
      current ??= callerOver(defaultOptions, defaultReferences);
      return current.stream<T, R>(route, body, streamPlans, plans, options);
    },
  },
);
