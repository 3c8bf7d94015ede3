/**
 * Compiled by `tsc -p tests` in `npm test`: fails the build when the generated client's
 * signatures drift from the server actions they call.
 */
import type * as serverActions from '../../sample/app/actions.js';
import type * as serverSession from '../../sample/app/session.js';
import type * as clientActions from '../../sample/generated/client/app/actions.js';
import type * as clientSession from '../../sample/generated/client/app/session.js';
import type { createClient } from '../../sample/generated/client/index.js';

/** True only when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SameSignature<A extends (...args: never[]) => unknown, B extends (...args: never[]) => unknown> = Equal<Parameters<A>, Parameters<B>> extends true
  ? Equal<ReturnType<A>, ReturnType<B>>
  : false;

export const checks: [
  SameSignature<typeof clientActions.createUser, typeof serverActions.createUser>,
  SameSignature<typeof clientActions.fetchUsers, typeof serverActions.fetchUsers>,
  SameSignature<typeof clientSession.signIn, typeof serverSession.signIn>,
  SameSignature<typeof clientSession.signOut, typeof serverSession.signOut>,
  SameSignature<typeof clientSession.whoAmI, typeof serverSession.whoAmI>,
  SameSignature<ReturnType<typeof createClient>['appActions']['createUser'], typeof serverActions.createUser>,
  Equal<clientActions.User, serverActions.User>,
  Equal<clientActions.NewUser, serverActions.NewUser>,
] = [true, true, true, true, true, true, true, true];

// @ts-expect-error — a drifted signature must not pass
export const drift: SameSignature<typeof clientSession.signIn, (email: string) => Promise<serverActions.User>> = true;
