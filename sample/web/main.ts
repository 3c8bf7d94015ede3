/**
 * The sample page's script: plain DOM, no framework. It imports the actions exactly as server code would —
 * from the 'use server' modules themselves. The client build (tsconfig.web.json, `"mode": "client"`) emits
 * each of those modules as a stub re-exporting the generated ky client, so these calls are HTTP requests to
 * the actions, and no server code reaches the bundle. In a browser the client's baseUrl is the page's origin
 * and the session cookie travels by itself: no configureClient needed.
 */
import { ActionError } from 'actionwire/client';
import { createUser, fetchUsers, type User } from '../app/actions.js';
import { sendFeedback, type Feedback } from '../app/feedback.js';
import { signIn, signOut, whoAmI } from '../app/session.js';

/** The element with this id, of this type (the page is rendered by the server: a missing one is a bug). */
function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return element;
}

const sessionStatus = byId('session-status', HTMLElement);
const signInForm = byId('sign-in-form', HTMLFormElement);
const signOutButton = byId('sign-out', HTMLButtonElement);
const createUserForm = byId('create-user-form', HTMLFormElement);
const listUsersButton = byId('list-users', HTMLButtonElement);
const usersTable = byId('users-table', HTMLTableElement);
const usersBody = byId('users-body', HTMLTableSectionElement);
const feedbackForm = byId('feedback-form', HTMLFormElement);
const feedbackList = byId('feedback-list', HTMLUListElement);
const errorBox = byId('error', HTMLElement);
const noticeBox = byId('notice', HTMLElement);

/** "401 Unauthorized — Sign in first", with the invalid fields of a 400 after a colon. */
function describeError(error: unknown): string {
  if (!ActionError.is(error)) return error instanceof Error ? error.message : String(error);
  const issues = error.errors.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  return `${error.status} ${error.title}${error.detail ? ` — ${error.detail}` : ''}${issues ? `: ${issues}` : ''}`;
}

function show(box: HTMLElement, text: string): void {
  box.textContent = text;
  box.hidden = text === '';
}

/** Runs one user action: clears the messages, disables the button while the call runs, shows the error if it fails. */
async function attempt(button: HTMLButtonElement, work: () => Promise<string>): Promise<void> {
  show(errorBox, '');
  show(noticeBox, '');
  button.disabled = true;
  try {
    show(noticeBox, await work());
  } catch (error) {
    show(errorBox, describeError(error));
  } finally {
    button.disabled = false;
  }
}

function showSession(user: User | null): void {
  sessionStatus.textContent = user ? `Signed in as ${user.name} (${user.role})` : 'Signed out';
  sessionStatus.dataset['signedIn'] = String(user !== null);
  signInForm.hidden = user !== null;
  signOutButton.hidden = user === null;
}

function text(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

function submitButton(form: HTMLFormElement): HTMLButtonElement {
  const button = form.querySelector('button');
  if (!button) throw new Error(`#${form.id} has no button`);
  return button;
}

function userRow(user: User): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset['testid'] = 'user-row';
  row.dataset['userId'] = String(user.id);
  // joinedAt arrives as a Date (the generated client revives it)
  for (const cell of [String(user.id), user.name, user.email, user.role, user.joinedAt.toISOString().slice(0, 10)]) {
    row.append(Object.assign(document.createElement('td'), { textContent: cell }));
  }
  return row;
}

async function listUsers(): Promise<string> {
  const users = await fetchUsers();
  usersBody.replaceChildren(...users.map(userRow));
  usersTable.hidden = false;
  return `${users.length} user${users.length === 1 ? '' : 's'}`;
}

function feedbackItem(note: Feedback): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset['testid'] = 'feedback-item';
  item.append(Object.assign(document.createElement('q'), { textContent: note.message }), ` — ${note.author ?? 'anonymous'}`);
  return item;
}

signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void attempt(submitButton(signInForm), async () => {
    const user = await signIn(text(signInForm, 'email'), text(signInForm, 'password'));
    signInForm.reset();
    showSession(user);
    return `Welcome, ${user.name}`;
  });
});

signOutButton.addEventListener('click', () => {
  void attempt(signOutButton, async () => {
    await signOut();
    showSession(null);
    usersBody.replaceChildren();
    usersTable.hidden = true;
    return 'Signed out';
  });
});

createUserForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void attempt(submitButton(createUserForm), async () => {
    const role: User['role'] = text(createUserForm, 'role') === 'admin' ? 'admin' : 'member';
    const user = await createUser({ name: text(createUserForm, 'name'), email: text(createUserForm, 'email'), password: text(createUserForm, 'password'), role });
    createUserForm.reset();
    if (!usersTable.hidden) await listUsers();
    return `Created user #${user.id} ${user.name} (${user.role})`;
  });
});

listUsersButton.addEventListener('click', () => void attempt(listUsersButton, listUsers));

// Progressive enhancement: without JavaScript the form posts to the action and the server answers 303 back here;
// with it, the same form data goes through the generated client and the page stays put.
feedbackForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void attempt(submitButton(feedbackForm), async () => {
    const note = await sendFeedback(new FormData(feedbackForm));
    feedbackForm.reset();
    feedbackList.prepend(feedbackItem(note));
    return 'Thanks for the feedback';
  });
});
feedbackForm.dataset['enhanced'] = 'true';

// the controls that need JavaScript are disabled in the HTML, so a page without it offers only the feedback form
for (const control of document.querySelectorAll<HTMLFieldSetElement | HTMLButtonElement>('[data-needs-js]')) control.disabled = false;

whoAmI()
  .then(showSession, (error: unknown) => show(errorBox, describeError(error)))
  .finally(() => {
    document.documentElement.dataset['ready'] = 'true';
  });
