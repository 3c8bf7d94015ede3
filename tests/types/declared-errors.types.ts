/**
 * Compiled by `tsc -p tests` in `npm test`: `ActionError.is(error, action)` and `f.safe()` narrow `status` and `code`
 * to the errors the sample's actions declare (found by the analysis in their bodies and in sample/lib/auth.ts) plus
 * what the router answers any call with; a misspelled code does not compile; a switch over the codes is exhaustive.
 */
import { ActionError, type ActionFunction } from '../../runtime/client/index.js';
import type { createUser, fetchUsers } from '../../sample/generated/client/app/actions.js';
import type { whoAmI } from '../../sample/generated/client/app/session.js';
import { ActionError as ServerActionError, mayThrow } from '../../runtime/server/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Router = 400 | 403 | 404 | 405 | 408 | 413 | 415 | 500;

declare const create: typeof createUser;
declare const list: typeof fetchUsers;
declare const who: typeof whoAmI;
declare const untyped: ActionFunction<() => Promise<void>>;
declare const caught: unknown;

/** What each narrowing gives, checked below. */
function narrowed(error: unknown) {
  if (!ActionError.is(error, create)) throw error;
  return error;
}
type CreateError = ReturnType<typeof narrowed>;

function codeOf409(error: CreateError) {
  if (error.status !== 409) throw error;
  return error.code;
}

/** Every code createUser can answer with, one case each: no default is needed. */
function message(error: CreateError): string {
  switch (error.code) {
    case 'not-signed-in':
      return 'Sign in first';
    case 'forbidden':
      return 'Only an admin may do this';
    case 'email-taken':
      return 'That email is taken';
    case 'weak-password':
      return 'Choose a longer password';
    case 'actionwire/bad-seal':
    case undefined:
      return error.title;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

async function safeError() {
  const result = await create.safe({ name: 'Ada', email: 'ada@example.com', password: 'long enough' });
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

export const checks: [
  Equal<CreateError['status'], Router | 401 | 409 | 422>,
  Equal<ReturnType<typeof codeOf409>, 'email-taken'>,
  Equal<Awaited<ReturnType<typeof safeError>>['status'], CreateError['status']>,
  Equal<Awaited<ReturnType<typeof safeError>>['code'], CreateError['code']>,
  // fetchUsers declares what requireUser (sample/lib/auth.ts) throws: found through the call
  Equal<Extract<ReturnType<typeof listError>, { status: 401 }>['code'], 'not-signed-in'>,
  // an action that declares nothing: only the router's own answers
  Equal<ReturnType<typeof whoError>['status'], Router>,
  // a hand-typed ActionFunction declares no errors: anything
  Equal<ReturnType<typeof untypedError>['status'], number>,
  // without an action: any ActionError
  Equal<ReturnType<typeof anyError>['code'], string | undefined>,
] = [true, true, true, true, true, true, true, true];

function listError(error: unknown) {
  if (!ActionError.is(error, list)) throw error;
  return error;
}
function whoError(error: unknown) {
  if (!ActionError.is(error, who)) throw error;
  return error;
}
function untypedError(error: unknown) {
  if (!ActionError.is(error, untyped)) throw error;
  return error;
}
function anyError(error: unknown) {
  if (!ActionError.is(error)) throw error;
  return error;
}

if (ActionError.is(caught, create)) {
  // @ts-expect-error — a misspelled code is no code createUser declares
  void (caught.code === 'emial-taken');
  // @ts-expect-error — createUser answers no 418
  void (caught.status === 418);
}

// The server side: ActionError's type parameters are inferred, and mayThrow takes only literal statuses from 400 to 599
const taken = new ServerActionError(409, 'taken', { code: 'email-taken' });
export const serverChecks: [Equal<typeof taken.status, 409>, Equal<typeof taken.code, 'email-taken' | undefined>] = [true, true];
mayThrow<ServerActionError<402, 'card-declined'> | ServerActionError<503>>();
// @ts-expect-error — 600 is no error status
mayThrow<ServerActionError<600>>();
// @ts-expect-error — a status that is not a literal cannot be declared
mayThrow<ServerActionError<number>>();
// @ts-expect-error — nor a success
mayThrow<ServerActionError<200, 'ok'>>();
// the server's ActionError without type arguments is what it always was
export const plain: ServerActionError = taken;
void message;
