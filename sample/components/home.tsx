'use client';

import { useState } from 'react';
import type { User } from '../app/actions.js';
import type { Feedback } from '../app/feedback.js';
import { signOut } from '../app/session.js';
import { CreateUserForm } from './create-user-form.js';
import { describeError } from './describe-error.js';
import { FeedbackForm } from './feedback-form.js';
import { Messages, type Message } from './messages.js';
import { MyButton } from './my-button.js';
import { ReindexPanel } from './reindex-panel.js';
import { SignInForm } from './sign-in-form.js';
import { useHydrated } from './use-hydrated.js';
import { UsersTable } from './users-table.js';

/** What the server renders the page with, and what the browser hydrates it with. */
export interface HomeProps {
  user: User | null;
  notes: Feedback[];
  /** what a form posted without JavaScript left to say (its error), and the fields it keeps */
  message: Message;
  fields: { email: string; message: string };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The sample's page: session, users and feedback, each through the actions. */
export function Home({ user: initialUser, notes: initialNotes, message: initialMessage, fields }: HomeProps) {
  const [user, setUser] = useState(initialUser);
  const [notes, setNotes] = useState(initialNotes);
  const [users, setUsers] = useState<User[] | null>(null);
  const [message, setMessage] = useState<Message>(initialMessage);
  const hydrated = useHydrated();

  const notice = (text: string): void => setMessage({ kind: 'notice', text });
  const error = (text: string): void => setMessage({ kind: 'error', text });
  const showUsers = (list: User[]): void => {
    setUsers(list);
    notice(plural(list.length, 'user'));
  };

  async function leave(): Promise<void> {
    try {
      await signOut();
      setUser(null);
      setUsers(null);
      notice('Signed out');
    } catch (failure) {
      error(describeError(failure));
    }
  }

  return (
    <>
      <Messages message={message} />
      <section id="session" aria-labelledby="session-title">
        <h2 id="session-title">Session</h2>
        <p id="session-status" data-testid="session-status" data-signed-in={String(user !== null)}>
          {user ? `Signed in as ${user.name} (${user.role})` : 'Signed out'}
        </p>
        {user === null ? (
          <SignInForm
            email={fields.email}
            onSignedIn={(signedIn) => {
              setUser(signedIn);
              notice(`Welcome, ${signedIn.name}`);
            }}
            onError={error}
          />
        ) : (
          <button id="sign-out" data-testid="sign-out" type="button" disabled={!hydrated} onClick={() => void leave()}>
            Sign out
          </button>
        )}
      </section>

      <section id="users" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        <CreateUserForm
          enabled={hydrated}
          onCreated={(created) => {
            notice(`Created user #${created.id} ${created.name} (${created.role})`);
            if (users !== null) setUsers([...users, created]);
          }}
          onError={error}
        />
        <p><MyButton disabled={!hydrated} onUsers={showUsers} onError={(text) => { setUsers(null); error(text); }} /></p>
        <UsersTable users={users} />
      </section>

      <section id="feedback" aria-labelledby="feedback-title">
        <h2 id="feedback-title">Feedback</h2>
        <FeedbackForm
          message={fields.message}
          enhanced={hydrated}
          onSent={(note) => {
            setNotes([note, ...notes]);
            notice('Thanks for the feedback');
          }}
          onError={error}
        />
        <ul id="feedback-list" data-testid="feedback-list">
          {notes.map((note) => (
            <li key={note.id} data-testid="feedback-item"><q>{note.message}</q> — {note.author ?? 'anonymous'}</li>
          ))}
        </ul>
      </section>

      <section id="search-index" aria-labelledby="search-index-title">
        <h2 id="search-index-title">Search index</h2>
        <ReindexPanel enabled={hydrated} />
      </section>
    </>
  );
}
