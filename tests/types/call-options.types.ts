/**
 * Compiled by `tsc -p tests` in `npm test`: `f.with(options)` keeps the client function's exact signature (on the
 * generated functions, createClient's, and fromReference's), and takes only the per-call options.
 */
import type * as serverSession from '../../sample/app/session.js';
import type * as clientSession from '../../sample/generated/client/app/session.js';
import type { createClient } from '../../sample/generated/client/index.js';
import type { fromReference } from '../../runtime/client/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SameSignature<A extends (...args: never[]) => unknown, B extends (...args: never[]) => unknown> = Equal<Parameters<A>, Parameters<B>> extends true
  ? Equal<ReturnType<A>, ReturnType<B>>
  : false;

declare const signIn: typeof clientSession.signIn;
declare const api: ReturnType<typeof createClient>;
declare const reference: Parameters<typeof fromReference<typeof serverSession.signIn>>[0];
declare const revive: typeof fromReference;
declare const controller: AbortController;

const withAll = signIn.with({ signal: controller.signal, timeout: 1000, headers: { 'x-request-id': '1' }, onUploadProgress: ({ percent }) => percent });
const chained = signIn.with({ timeout: false }).with({ headers: new Headers() });
const fromClient = api.appSession.whoAmI.with({ timeout: 5 });
const referenced = revive(reference).with({ timeout: 5 });

const result = signIn.safe('admin@example.com', 'password');
type ResultValue = Extract<Awaited<typeof result>, { ok: true }>['value'];
type ResultError = Extract<Awaited<typeof result>, { ok: false }>['error'];

export const checks: [
  SameSignature<typeof withAll, typeof serverSession.signIn>,
  SameSignature<typeof chained, typeof serverSession.signIn>,
  SameSignature<typeof fromClient, typeof serverSession.whoAmI>,
  SameSignature<typeof referenced, typeof serverSession.signIn>,
  Equal<ResultValue, Awaited<ReturnType<typeof serverSession.signIn>>>,
  // signIn declares its 401 (bad-credentials); the router's own statuses come with any call
  Equal<ResultError['status'], 400 | 401 | 403 | 404 | 405 | 408 | 413 | 415 | 500>,
] = [true, true, true, true, true, true];

// @ts-expect-error — safe takes the action's arguments
void signIn.safe('admin@example.com');

// @ts-expect-error — an option that is not per call
signIn.with({ retry: 2 });
// @ts-expect-error — a misspelled option
signIn.with({ timout: 1000 });
// @ts-expect-error — timeout is milliseconds or false
signIn.with({ timeout: true });
// @ts-expect-error — the signature stays exact: a missing argument
void signIn.with({})('admin@example.com');
// @ts-expect-error — and a wrong one
void chained('admin@example.com', 42);
