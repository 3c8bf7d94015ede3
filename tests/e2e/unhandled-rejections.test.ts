import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(join(repoRoot, 'tests', 'e2e', 'sample-with-floating-rejection.js'));
});
afterAll(() => server?.stop());

describe('the sample server and a promise rejected while nothing awaits it', () => {
  it('logs it with its reason and keeps answering (Node would end the process)', async () => {
    expect((await fetch(`${server.url}__float`, { method: 'POST' })).status).toBe(202);
    for (let waited = 0; !server.output().includes('the forgotten email could not be sent') && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.output()).toContain('[sample] a promise was rejected and nothing awaited it; the server keeps running: Error: the forgotten email could not be sent');
    const call = await fetch(`${server.url}actions/app/session/whoAmI`, { method: 'POST' });
    expect(call.status).toBe(200);
  });
});
