'use client';

import { useState, type FormEvent } from 'react';
import { ActionError } from 'actionwire/client';
import { createUser, type User } from '../app/actions.js';
import { describeError } from './describe-error.js';

export interface CreateUserFormProps {
  /** false until the page's script runs: createUser takes JSON, which only the client sends */
  enabled: boolean;
  onCreated: (user: User) => void;
  onError: (text: string) => void;
}

function text(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * What the form says about an error createUser declares (its codes are in the OpenAPI document, and in the generated
 * client's type): a sentence per code; anything else as the problem reads.
 */
function createUserErrorText(error: unknown): string {
  if (!ActionError.is(error, createUser)) return describeError(error);
  switch (error.code) {
    case 'email-taken':
      return `That email already has an account (${error.code})`;
    case 'weak-password':
      return `Choose a password of at least 8 characters (${error.code})`;
    default:
      return describeError(error);
  }
}

/** Calls createUser (an object parameter, so JSON through the generated client: this form needs JavaScript). */
export function CreateUserForm({ enabled, onCreated, onError }: CreateUserFormProps) {
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    try {
      const role: User['role'] = text(form, 'role') === 'admin' ? 'admin' : 'member';
      const user = await createUser({ name: text(form, 'name'), email: text(form, 'email'), password: text(form, 'password'), role });
      form.reset();
      onCreated(user);
    } catch (error) {
      onError(createUserErrorText(error));
    } finally {
      setPending(false);
    }
  }
  return (
    <form id="create-user-form" data-testid="create-user-form" onSubmit={(event) => void submit(event)}>
      <fieldset disabled={!enabled}>
        <label>Name <input id="new-user-name" name="name" required /></label>
        <label>Email <input id="new-user-email" name="email" type="email" required /></label>
        <label>Password <input id="new-user-password" name="password" type="password" autoComplete="new-password" required /></label>
        <label>Role <select id="new-user-role" name="role"><option>member</option><option>admin</option></select></label>
        <button id="create-user-submit" disabled={pending}>Create user</button>
      </fieldset>
    </form>
  );
}
