'use server';

import { currentUser, endSession, startSession } from '../lib/auth.js';
import type { User } from './actions.js';

/** Signs in: the session travels in an HttpOnly cookie, never in an argument. */
export async function signIn(email: string, password: string): Promise<User> {
  return startSession(email, password);
}

export async function signOut(): Promise<void> {
  await endSession();
}

/** The signed-in user, or null. */
export async function whoAmI(): Promise<User | null> {
  return (await currentUser()) ?? null;
}
