import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const sampleDir = join(repoRoot, 'sample');

let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess(join(sampleDir, 'dist', 'server.js'));
});

afterAll(async () => {
  await server?.stop();
});

/** The first ```ts block of a docs page. */
function firstCodeBlock(page: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(repoRoot, 'docs', page), 'utf8'));
  if (!match?.[1]) throw new Error(`docs/${page} has no ts block`);
  return match[1];
}

describe('docs/node-cookies.md', () => {
  it('shows sample/node-client.ts exactly', () => {
    expect(firstCodeBlock('node-cookies.md')).toBe(readFileSync(join(sampleDir, 'node-client.ts'), 'utf8'));
  });

  it('runs: signs in with a tough-cookie jar, calls an action that needs the session cookie, signs out', () => {
    const run = spawnSync(process.execPath, [join(sampleDir, 'dist', 'node-client.js'), server.url], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^signed in as admin@example\.com; the jar holds sample_session=[\w-]+$/),
      expect.stringMatching(/^users: admin@example\.com(, .+)?$/),
      'signed out; whoAmI: null; the jar holds ""',
      '',
    ]);
  });
});
