import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUserProject, type UserProject } from '../helpers/user-project.js';
import { EXPECTED_CALLS, serveAndCall } from './app-checks.js';

describe('a TypeScript 5.9 project (ts-patch 3.3) set up as docs/typescript-versions.md says', () => {
  let project: UserProject;
  beforeAll(() => {
    project = createUserProject('typescript-5.9');
  });
  afterAll(() => project?.remove());

  it('has TypeScript 5.9 and ts-patch 3.3', () => {
    const version = (name: string): string => (JSON.parse(readFileSync(join(project.dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version('typescript')).toMatch(/^5\.9\./);
    expect(version('ts-patch')).toMatch(/^3\.3\./);
  });

  it('compiles with tspc and the plugin', () => {
    const result = project.run('npx', ['tspc']);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('generates the same files as the TypeScript 6 analysis (actionwire generate --check finds nothing stale)', () => {
    const check = project.run('npx', ['actionwire', 'generate', '--check']);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });

  it('serves the actions and calls them through the generated client', async () => {
    expect(await serveAndCall(project)).toEqual(EXPECTED_CALLS);
  });
});
