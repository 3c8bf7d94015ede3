import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUserProject, type UserProject } from '../helpers/user-project.js';
import { EXPECTED_CALLS, serveAndCall } from './app-checks.js';
import { startServerProcess } from '../helpers/server-process.js';

/** UI code (web/*.ts) calling an action of the project's 'use server' module. */
const UI = `import { configureClient } from 'actionwire/client';\nimport { createUser } from '../src/actions/users.js';\nexport async function run(baseUrl: string): Promise<string> {\n  configureClient({ baseUrl, headers: { 'x-api-key': 'secret' } });\n  const user = await createUser({ name: 'Ada', email: 'ada@example.com', birthday: new Date(0) });\n  return \`\${user.name} \${user.birthday instanceof Date}\`;\n}\n`;

describe('a TypeScript 7 project set up as docs/typescript-versions.md says (actionwire generate, then tsc)', () => {
  let project: UserProject;
  beforeAll(() => {
    project = createUserProject('typescript-7');
  });
  afterAll(() => project?.remove());

  it('installs one TypeScript, the 7 the project builds with (actionwire brings no TypeScript 6)', () => {
    const version = (path: string): string => (JSON.parse(readFileSync(join(project.dir, 'node_modules', path, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version('typescript')).toMatch(/^7\./);
    const listed = project.run('npm', ['ls', 'typescript', '--all', '--parseable']);
    expect(listed.output.trim().split('\n').filter((line) => /node_modules[\\/]typescript$/.test(line.trim()))).toEqual([join(project.dir, 'node_modules', 'typescript')]);
    expect(existsSync(join(project.dir, 'node_modules', 'actionwire', 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(project.dir, 'node_modules', 'ts-patch'))).toBe(false);
  });

  it('builds with `npm run build` (actionwire generate && tsc)', () => {
    const result = project.run('npm', ['run', 'build']);
    expect(result.status).toBe(0);
    expect(result.output).toMatch(/actionwire: 4 actions; 9 files written/);
    expect(result.output).not.toMatch(/error/i);
    for (const file of ['server.js', 'call.js', 'actions/users.js', 'generated/routes.js', 'generated/openapi-document.js', 'generated/client/index.js']) {
      expect(existsSync(join(project.dir, 'dist', file))).toBe(true);
    }
  });

  it('keeps the JSDoc of each action in openapi.json', () => {
    const spec = JSON.parse(readFileSync(join(project.dir, 'src', 'generated', 'openapi.json'), 'utf8'));
    expect(spec.paths['/actions/actions/users/listUsers'].post.summary).toBe('Every user, newest last.');
  });

  it('reports stale generated files with actionwire generate --check', () => {
    expect(project.run('npx', ['actionwire', 'generate', '--check']).status).toBe(0);
    const actions = join(project.dir, 'src', 'actions', 'users.ts');
    const source = readFileSync(actions, 'utf8');
    project.run('node', ['-e', `require('fs').appendFileSync(${JSON.stringify(actions)}, '\\nexport async function added(): Promise<number> { return 1; }\\n')`]);
    const stale = project.run('npx', ['actionwire', 'generate', '--check']);
    expect(stale.status).toBe(1);
    expect(stale.output).toMatch(/stale: .*openapi\.json/);
    project.run('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(actions)}, ${JSON.stringify(source)})`]);
    expect(project.run('npx', ['actionwire', 'generate', '--check']).status).toBe(0);
  });

  it('says, with file:line:col, that inline actions need the transformer (actionwire generate --check)', () => {
    const page = join(project.dir, 'src', 'page.ts');
    const inline = `export async function page(id: string) {\n  async function save(title: string): Promise<void> {\n    'use server';\n    console.log(id, title);\n  }\n  return { save };\n}\n`;
    project.run('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(page)}, ${JSON.stringify(inline)})`]);
    try {
      const result = project.run('npx', ['actionwire', 'generate', '--check']);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(/src[\\/]page\.ts\(2,18\): error TS93014: \[actionwire\/needs-transformer\] Inline action page\.save: inline 'use server' functions are hoisted by the actionwire transformer, which TypeScript 7/);
      expect(result.output).not.toMatch(/stale/);
    } finally {
      project.run('node', ['-e', `require('fs').rmSync(${JSON.stringify(page)})`]);
    }
  });

  it('serves the actions and calls them through the generated client', async () => {
    expect(await serveAndCall(project)).toEqual(EXPECTED_CALLS);
  });

  it('bundles UI code that imports the actions with actionwire/esbuild (docs/bundlers.md, no tspc): no server code, and the bundle calls them', async () => {
    expect(project.run('npm', ['install', '-D', 'esbuild@0.28.2']).status).toBe(0);
    const script = `import { build } from 'esbuild';\nimport actionwire from 'actionwire/esbuild';\nawait build({ entryPoints: ['web/main.ts'], bundle: true, format: 'esm', outfile: 'web-dist/main.mjs', logLevel: 'silent', plugins: [actionwire()] });\n`;
    project.run('node', ['-e', `const fs = require('fs'); fs.mkdirSync('web', { recursive: true }); fs.writeFileSync('web/main.ts', ${JSON.stringify(UI)}); fs.writeFileSync('bundle.mjs', ${JSON.stringify(script)});`]);
    const bundled = project.run('node', ['bundle.mjs']);
    expect(bundled.output).toBe('');
    expect(await checkBundle(join(project.dir, 'web-dist', 'main.mjs'))).toBe('Ada true');
  });

  it('bundles the same UI code with actionwire/vite (vite build, no tspc)', async () => {
    expect(project.run('npm', ['install', '-D', 'vite@8.4.0']).status).toBe(0);
    const script = `import { build } from 'vite';\nimport actionwire from 'actionwire/vite';\nawait build({ configFile: false, logLevel: 'silent', plugins: [actionwire()], build: { outDir: 'web-vite', minify: false, lib: { entry: 'web/vite-main.ts', formats: ['es'], fileName: 'main' } } });\n`;
    project.run('node', ['-e', `const fs = require('fs'); fs.mkdirSync('web', { recursive: true }); fs.writeFileSync('web/vite-main.ts', ${JSON.stringify(UI)}); fs.writeFileSync('vite-bundle.mjs', ${JSON.stringify(script)});`]);
    const bundled = project.run('node', ['vite-bundle.mjs']);
    expect(bundled.output).toBe('');
    expect(await checkBundle(join(project.dir, 'web-vite', 'main.js'))).toBe('Ada true');
  });

  /** The bundle holds no server code, and its run() calls createUser on the project's server: what it answered. */
  async function checkBundle(path: string): Promise<string> {
    const bundle = readFileSync(path, 'utf8');
    expect(bundle).not.toContain('never sent');
    expect(bundle).not.toContain('actionwire/server');
    expect(bundle).toContain('/actions/actions/users/createUser');
    const server = await startServerProcess(join(project.dir, 'dist', 'server.js'));
    try {
      return project.run('node', ['--input-type=module', '-e', `import(${JSON.stringify(path)}).then(async (m) => console.log(await m.run(${JSON.stringify(server.url)})))`]).output.trim();
    } finally {
      await server.stop();
    }
  }

  it("fails in tspc as docs/typescript-versions.md says, if ts-patch is installed anyway (ts-patch cannot load TypeScript 7)", () => {
    const install = project.run('npm', ['install', '-D', 'ts-patch@4']);
    expect(install.status).toBe(0);
    const result = project.run('npx', ['tspc']);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("TypeError: Cannot read properties of undefined (reading 'LineFeed')");
    expect(result.output).toMatch(/node_modules[\\/]ts-patch[\\/]/);
  });
});
