import { Agent } from 'node:http';
import { hardenedClient, startHardened } from '../helpers/hardened-servers.js';
import { rawRequest } from '../helpers/raw-http.js';
import type { ServerProcess } from '../helpers/server-process.js';

let server: ServerProcess;

beforeAll(async () => {
  server = await startHardened({}, ['--expose-gc']);
});
afterAll(() => server?.stop());

const CALLS = 1000;

/** 1,000 calls at once, each with its own cookie and header, through raw HTTP; returns the mix-ups. */
async function round(agent: Agent, tagPrefix: string): Promise<string[]> {
  const url = new URL('/actions/actions/whoami', server.url).href;
  const results = await Promise.all(
    Array.from({ length: CALLS }, async (_, index) => {
      const tag = `${tagPrefix}-${index}`;
      const response = await rawRequest(url, {
        headers: { 'content-type': 'application/json', cookie: `tag=c-${tag}`, 'x-tag': `h-${tag}` },
        body: JSON.stringify({ tag }),
        agent,
      });
      const seen = response.json() as { tag: string; header: string; cookie: string };
      return seen.tag === tag && seen.header === `h-${tag}` && seen.cookie === `c-${tag}` ? undefined : `${tag} saw ${JSON.stringify(seen)}`;
    }),
  );
  return results.filter((result): result is string => result !== undefined);
}

async function heapAfterGc(): Promise<number> {
  const probe = (await (await fetch(new URL('/__probe', server.url))).json()) as { heapUsed: number };
  return probe.heapUsed;
}

describe('1,000 concurrent calls with distinct cookies and headers', () => {
  it('every action sees its own request: zero mix-ups', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 250 });
    expect(await round(agent, 'raw')).toEqual([]);
    agent.destroy();
  });

  it('through the generated client too (one client per user, each with its own headers)', async () => {
    const client = await hardenedClient();
    const results = await Promise.all(
      Array.from({ length: CALLS }, async (_, index) => {
        const api = client.createClient({ baseUrl: server.url, headers: { cookie: `tag=c${index}`, 'x-tag': `h${index}` } });
        const seen = await api.actions.whoami(`t${index}`);
        return seen.tag === `t${index}` && seen.header === `h${index}` && seen.cookie === `c${index}`;
      }),
    );
    expect(results.filter((ok) => !ok)).toHaveLength(0);
  });

  it('memory does not grow across repeated rounds', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 250 });
    await round(agent, 'warm-1');
    await round(agent, 'warm-2');
    const baseline = await heapAfterGc();
    for (let index = 0; index < 5; index++) expect(await round(agent, `round-${index}`)).toEqual([]);
    const after = await heapAfterGc();
    agent.destroy();
    // 5,000 more calls: a leak of even 2 KB per call would add 10 MB; allow 4 MB of noise.
    console.log(`heap after GC: ${baseline} → ${after} bytes`);
    expect(after - baseline).toBeLessThan(4 * 1024 * 1024);
  });
});
