/**
 * The sample, end to end: starts the server, then calls every action through the generated ky client,
 * as a browser would (the session cookie is kept between calls), and prints what happened.
 */
import { ActionError, configureClient } from './generated/client/index.js';
import { createUser, fetchUsers } from './generated/client/app/actions.js';
import { signIn, signOut, whoAmI } from './generated/client/app/session.js';
import { ADMIN, startServer } from './server.js';

const server = await startServer();
let sessionCookie = '';
configureClient({
  baseUrl: server.url,
  hooks: {
    beforeRequest: [({ request }) => { if (sessionCookie) request.headers.set('cookie', sessionCookie); }],
    afterResponse: [
      ({ response }) => {
        const setCookie = response.headers.get('set-cookie');
        if (setCookie) sessionCookie = setCookie.split(';', 1)[0] ?? '';
      },
    ],
  },
});

const step = (text: string): void => console.log(`\n→ ${text}`);
try {
  console.log(`sample server on ${server.url}`);

  step('fetchUsers() before signing in');
  try {
    await fetchUsers();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    console.log(`  refused: ${error.status} ${error.title} — ${error.detail}`);
  }

  step(`signIn(${JSON.stringify(ADMIN.email)}, …)`);
  const me = await signIn(ADMIN.email, ADMIN.password);
  console.log(`  signed in as ${me.name} (${me.role}); the session is in an HttpOnly cookie`);

  step('createUser({ name: "Grace", … joinedAt: new Date("1952-05-01") })');
  const grace = await createUser({ name: 'Grace Hopper', email: 'grace@example.com', password: 'a-long-password', joinedAt: new Date('1952-05-01T09:00:00Z') });
  console.log(`  created #${grace.id} ${grace.name}; joinedAt is a ${grace.joinedAt.constructor.name}: ${grace.joinedAt.toISOString()}`);

  step('createUser with a wrong field type');
  try {
    await createUser({ name: 'Bad', email: 42 as unknown as string, password: 'whatever-long' });
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    console.log(`  refused: ${error.status}; ${error.errors.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  }

  step('fetchUsers()');
  for (const user of await fetchUsers()) {
    console.log(`  #${user.id} ${user.name} <${user.email}> ${user.role}, keys: ${Object.keys(user).join(', ')}`);
  }
  console.log('  (the rows also hold passwordHash and internalNotes: pruned by the declared return type)');

  step('signOut(), then whoAmI()');
  await signOut();
  console.log(`  whoAmI() → ${JSON.stringify(await whoAmI())}`);
} finally {
  await server.close();
}
