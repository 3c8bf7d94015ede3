'use client';

import { useActionState } from 'react';
import { withFormFallback } from 'actionwire/client';
import type { User } from '../app/actions.js';
import { signInWithForm } from '../app/session.js';
import { describeError } from './describe-error.js';

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
  const [state, formAction, pending] = useActionState(
    withFormFallback(signInWithForm, async (_state: { email: string }, formData: FormData) => {
      try {
        onSignedIn(await signInWithForm(formData));
        return { email: '' };
      } catch (error) {
        onError(describeError(error));
        const typed = formData.get('email');
        return { email: typeof typed === 'string' ? typed : '' };
      }
    }),
    { email },
  );
  return (
    <form id="sign-in-form" data-testid="sign-in-form" action={formAction}>
      <fieldset>
        <label>Email <input id="sign-in-email" name="email" type="email" autoComplete="username" defaultValue={state.email} key={state.email} required /></label>
        <label>Password <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required /></label>
        <button id="sign-in-submit" disabled={pending}>Sign in</button>
      </fieldset>
      <p className="hint">The sample's admin: admin@example.com / correct horse battery</p>
    </form>
  );
}
