import { join } from 'node:path';
import { startServerProcess } from '../helpers/server-process.js';
import type { UserProject } from '../helpers/user-project.js';

/** What tests/fixtures/user-app/src/call.ts prints when every call went as it should. */
export const EXPECTED_CALLS = {
  created: {
    id: 1,
    name: 'Ada',
    birthdayIsDate: true,
    birthday: '1815-12-10T00:00:00.000Z',
    createdAtIsDate: true,
    keys: ['birthday', 'createdAt', 'email', 'id', 'name'],
  },
  listed: 1,
  sum: '43',
  unauthorized: { status: 401, detail: 'Send the x-api-key header' },
  invalid: { status: 400, paths: ['/data/name', '/data/email'] },
  afterForget: 0,
};

/** Starts the compiled app's server and runs its client script against it, both on `node`. */
export async function serveAndCall(project: UserProject, node = process.execPath): Promise<unknown> {
  const server = await startServerProcess(join(project.dir, 'dist', 'server.js'), {}, node);
  try {
    const call = project.run(join(project.dir, 'dist', 'call.js'), [server.url], { node });
    if (call.status !== 0) throw new Error(`dist/call.js failed:\n${call.output}\nserver:\n${server.output()}`);
    return JSON.parse(call.output.trim().split('\n').pop() ?? '');
  } finally {
    await server.stop();
  }
}
