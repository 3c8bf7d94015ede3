// A Node script (not a browser) that signs in and calls an action needing the session cookie: run
// `node sample/dist/node-client.js http://127.0.0.1:3000/` against `npm run sample:serve`.
import { cookieJarHooks } from 'actionwire/client';
import { CookieJar } from 'tough-cookie';
import { createClient } from './generated/client/index.js';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000/';
const jar = new CookieJar();
const api = createClient({ baseUrl, hooks: cookieJarHooks(jar) });

const me = await api.appSession.signIn('admin@example.com', 'correct horse battery');
console.log(`signed in as ${me.email}; the jar holds ${await jar.getCookieString(baseUrl)}`);

const users = await api.appActions.fetchUsers(); // 401 without the session cookie
console.log(`users: ${users.map((user) => user.email).join(', ')}`);

await api.appSession.signOut(); // the server expires the cookie; the jar drops it
console.log(`signed out; whoAmI: ${JSON.stringify(await api.appSession.whoAmI())}; the jar holds "${await jar.getCookieString(baseUrl)}"`);
