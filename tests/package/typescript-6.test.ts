import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { createUserProject, type UserProject } from '../helpers/user-project.js';
import { EXPECTED_CALLS, serveAndCall } from './app-checks.js';

interface PackedFile {
  path: string;
}

describe('the package as npm packs it', () => {
  const result = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: repoRoot, encoding: 'utf8' });
  const [info] = JSON.parse(result.stdout) as [{ files: PackedFile[] }];
  const paths = info.files.map((file) => file.path);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; peerDependencies: Record<string, string> };

  it('has no install-time script (users install it with scripts on)', () => {
    for (const script of ['preinstall', 'install', 'postinstall']) expect(manifest.scripts[script]).toBeUndefined();
  });

  it('ships the license, the README and the docs it links to, compiled code, and no repository-only files', () => {
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'docs/protocol.md', 'docs/typescript-versions.md', 'package.json', 'dist/transformer/index.js', 'dist/cli/actionwire.js', 'dist/runtime/server/index.d.ts']));
    expect(paths.filter((path) => /^(scripts|tests|sample|bench)\//.test(path) || path.endsWith('.png'))).toEqual([]);
  });

  it('ships the source of every source map', () => {
    const maps = paths.filter((path) => path.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(repoRoot, map), 'utf8')) as { sources: string[] };
      for (const source of sources) expect(paths).toContain(join(map, '..', source));
    }
  });

  it("uses the project's own TypeScript (a peer dependency: 5.9, 6 or 7), and brings none of its own", () => {
    expect(manifest.dependencies.typescript).toBeUndefined();
    expect(manifest.peerDependencies.typescript).toBe('^5.9.0 || ^6.0.3 || ^7.0.2');
  });
});

describe('a TypeScript 6 project set up as the README says, with the packed tarball', () => {
  let project: UserProject;
  beforeAll(() => {
    project = createUserProject('typescript-6');
  });
  afterAll(() => project?.remove());

  it('compiles with tspc: the actions, the generated files and the app', () => {
    const result = project.run('npx', ['tspc']);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    for (const file of ['server.js', 'call.js', 'actions/users.js', 'generated/routes.js', 'generated/client/index.js', 'generated/client/actions/users.js']) {
      expect(existsSync(join(project.dir, 'dist', file))).toBe(true);
    }
  });

  it('describes every action in openapi.json, with its JSDoc', () => {
    const spec = JSON.parse(readFileSync(join(project.dir, 'src', 'generated', 'openapi.json'), 'utf8'));
    expect(Object.keys(spec.paths).sort()).toEqual(['/actions/actions/users/createUser', '/actions/actions/users/forget', '/actions/actions/users/listUsers', '/actions/actions/users/sumIds']);
    expect(spec.paths['/actions/actions/users/createUser'].post.summary).toBe('Creates a user; needs the x-api-key header.');
    expect(spec.info.title).toBe('user-app');
  });

  it('agrees with actionwire generate (nothing stale)', () => {
    const check = project.run('npx', ['actionwire', 'generate', '--check']);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });

  it('serves the actions from Koa and calls them through the generated client', async () => {
    expect(await serveAndCall(project)).toEqual(EXPECTED_CALLS);
  });
});
