'use server';

import { ActionError, fieldsOf, type FormFields } from 'actionwire/server';
import { currentUser, endSession, startSession } from '../lib/auth.js';
import type { User } from './actions.js';

/** Signs in: the session travels in an HttpOnly cookie, never in an argument. */
export async function signIn(email: string, password: string): Promise<User> {
  return startSession(email, password);
}

/**
 * Signs in with the sign-in form's fields: a typed form action, so the page's form posts straight to it without
 * JavaScript (the server answers with a redirect back to the page, the session cookie set), the page's script
 * sends the same form through the generated client, and the router refuses a form without both fields (400).
 */
export async function signInWithForm(formData: FormFields<{ email: string; password: string }>): Promise<User> {
  const { email, password } = fieldsOf(formData);
  if (email === '' || password === '') throw new ActionError(422, 'Fill in the email and the password', { code: 'missing-field' });
  return startSession(email, password);
}

export async function signOut(): Promise<void> {
  await endSession();
}

/** The signed-in user, or null. */
export async function whoAmI(): Promise<User | null> {
  return (await currentUser()) ?? null;
}
