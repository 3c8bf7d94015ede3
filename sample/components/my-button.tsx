'use client';

import { fetchUsers, type User } from '../app/actions.js';
import { describeError } from './describe-error.js';

export interface MyButtonProps {
  onUsers: (users: User[]) => void;
  onError: (text: string) => void;
  disabled: boolean;
}

/** The button of Next.js's 'use server' page: it calls the fetchUsers action on click, here through the generated client. */
export function MyButton({ onUsers, onError, disabled }: MyButtonProps) {
  return (
    <button id="list-users" data-testid="list-users" type="button" disabled={disabled} onClick={() => fetchUsers().then(onUsers, (error: unknown) => onError(describeError(error)))}>
      List users
    </button>
  );
}
