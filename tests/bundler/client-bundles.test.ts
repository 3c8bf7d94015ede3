import { join } from 'node:path';
import { run, tspc } from '../helpers/project.js';
import { startServerProcess } from '../helpers/server-process.js';
import { bundlerProject, esbuildBuild, filesUnder, MARKER, textsUnder, viteBuild } from './bundler-project.js';

/** Imports the bundle in Node and calls its `run` against the compiled project's Koa server. */
async function callThroughBundle(dir: string, bundle: string): Promise<string> {
  const server = await startServerProcess(join(dir, 'dist', 'server.js'));
  try {
    const result = run(['--input-type=module', '-e', `import(${JSON.stringify(bundle)}).then(async (m) => console.log(await m.run(${JSON.stringify(server.url)})))`], dir);
    return result.output.trim();
  } finally {
    await server.stop();
  }
}

function expectNoServerCode(text: string): void {
  expect(text).not.toContain(MARKER);
  expect(text).not.toContain('koa');
  expect(text).not.toContain('actionwire/internal/server');
  expect(text).not.toContain('createActionRouter');
  // the stub is wired: the generated client's routes are in the bundle
  expect(text).toContain('/actions/app/actions/epoch');
}

const EXPECTED = 'hello web 5 true 1970-01-01T00:00:00.000Z inner inner';

describe('client bundles of a project compiled with tspc', () => {
  const dir = bundlerProject('bundler-builds');
  const compiled = tspc(dir);

  it('compiles the server project', () => {
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('vite build: the bundle holds no server code and calls the actions over HTTP (a Date comes back revived)', async () => {
    const result = viteBuild(dir, `{ outDir: 'dist-vite', minify: false, lib: { entry: 'src/web/main.ts', formats: ['es'], fileName: 'main' } }`);
    expect(result.output.trim()).toBe('built');
    expect(filesUnder(join(dir, 'dist-vite')).map((file) => file.slice(dir.length + 1))).toEqual(['dist-vite/main.js']);
    expectNoServerCode(textsUnder(join(dir, 'dist-vite')));
    expect(await callThroughBundle(dir, join(dir, 'dist-vite', 'main.js'))).toBe(EXPECTED);
  });

  it('esbuild: the bundle holds no server code and calls the actions over HTTP (a Date comes back revived)', async () => {
    const result = esbuildBuild(dir, `{ entryPoints: ['src/web/main.ts'], outdir: 'dist-esbuild', platform: 'browser' }`);
    expect(result.output.trim()).toBe('built');
    expectNoServerCode(textsUnder(join(dir, 'dist-esbuild')));
    expect(await callThroughBundle(dir, join(dir, 'dist-esbuild', 'main.js'))).toBe(EXPECTED);
  });

  it('leaves server bundles alone: a Vite ssr build keeps the real module', () => {
    const result = viteBuild(dir, `{ outDir: 'dist-ssr', minify: false, ssr: 'src/web/main.ts' }`);
    expect(result.output.trim()).toBe('built');
    const text = textsUnder(join(dir, 'dist-ssr'));
    expect(text).toContain(`${MARKER}-actions`);
    expect(text).not.toContain('/actions/app/actions/epoch');
  });

  it('leaves server bundles alone: esbuild with { server: true } keeps the real module', () => {
    const result = esbuildBuild(dir, `{ entryPoints: ['src/web/main.ts'], outdir: 'dist-esbuild-server', platform: 'node', packages: 'external' }`, '{ server: true }');
    expect(result.output.trim()).toBe('built');
    expect(textsUnder(join(dir, 'dist-esbuild-server'))).toContain(`${MARKER}-actions`);
  });
});
