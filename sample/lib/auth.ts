import { randomBytes } from 'node:crypto';
import { ActionError, cookies } from 'actionwire/server';
import { sessions, users, type Role, type UserRow } from './db.js';
import { verifyPassword } from './passwords.js';

const SESSION_COOKIE = 'sample_session';
const SESSION_SECONDS = 60 * 60 * 8;

/** The signed-in user, from the session cookie of the current request; never from an argument. */
export async function currentUser(): Promise<UserRow | undefined> {
  return userOfSession(cookies().get(SESSION_COOKIE));
}

/** The user a session token belongs to (for a page's server rendering, where `cookies()` is not available). */
export async function userOfSession(token: string | undefined): Promise<UserRow | undefined> {
  return token ? sessions.findUser(token) : undefined;
}

export async function requireUser(role?: Role): Promise<UserRow> {
  const user = await currentUser();
  if (!user) throw new ActionError(401, 'Sign in first', { code: 'not-signed-in' });
  if (role && user.role !== role) throw new ActionError(403, `Only an ${role} may do this`, { code: 'forbidden' });
  return user;
}

export async function startSession(email: string, password: string): Promise<UserRow> {
  const user = await users.findByEmail(email);
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new ActionError(401, 'Wrong email or password', { code: 'bad-credentials' });
  }
  const token = randomBytes(32).toString('base64url');
  await sessions.create(token, user.id, new Date(Date.now() + SESSION_SECONDS * 1000));
  cookies().set(SESSION_COOKIE, token, { maxAge: SESSION_SECONDS, httpOnly: true, sameSite: 'lax' });
  return user;
}

export async function endSession(): Promise<void> {
  const token = cookies().get(SESSION_COOKIE);
  if (token) await sessions.delete(token);
  cookies().delete(SESSION_COOKIE);
}
