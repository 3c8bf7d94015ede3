'use client';

import type { User } from '../app/actions.js';
import { signInWithForm } from '../app/session.js';
import { useKeptFieldAction } from './use-kept-field-action.js';

export interface SignInFormProps {
  /** the email to show again after a failed attempt */
  email: string;
  onSignedIn: (user: User) => void;
  onError: (text: string) => void;
}

/**
 * Signs in with a form action: with JavaScript through the generated client (the page stays, the session cookie
 * arrives with the answer); without it the browser posts the form to the action and comes back to the page.
 */
export function SignInForm({ email, onSignedIn, onError }: SignInFormProps) {
  const [typedEmail, formAction, pending] = useKeptFieldAction(signInWithForm, 'email', email, onSignedIn, onError);
  return (
    <form id="sign-in-form" data-testid="sign-in-form" action={formAction}>
      <fieldset>
        <label>Email <input id="sign-in-email" name="email" type="email" autoComplete="username" defaultValue={typedEmail} key={typedEmail} required /></label>
        <label>Password <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required /></label>
        <button id="sign-in-submit" disabled={pending}>Sign in</button>
      </fieldset>
      <p className="hint">The sample's admin: admin@example.com / correct horse battery</p>
    </form>
  );
}
