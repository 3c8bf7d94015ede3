import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { nodeBinary } from '../helpers/node-binaries.js';
import { createUserProject, type UserProject } from '../helpers/user-project.js';
import { EXPECTED_CALLS, serveAndCall } from './app-checks.js';

/** Users run Node 22 and 24: the README's TypeScript 6 project, compiled and served on each. */
const VERSIONS = ['22.23.3', '24.21.0'];

describe.each(VERSIONS)('the TypeScript 6 project on Node %s', (version) => {
  let project: UserProject;
  let node: string;
  beforeAll(() => {
    node = nodeBinary(version);
    project = createUserProject('typescript-6');
  });
  afterAll(() => project?.remove());

  it('is that Node', () => {
    expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(`v${version}`);
  });

  it('compiles with tspc running on it', () => {
    const result = project.run(join(project.dir, 'node_modules', 'ts-patch', 'bin', 'tspc.js'), [], { node });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('serves the actions and calls them through the generated client', async () => {
    expect(await serveAndCall(project, node)).toEqual(EXPECTED_CALLS);
  });
});
