import { join } from 'node:path';
import { tspcBin } from '../helpers/paths.js';
import { tspc } from '../helpers/project.js';
import { bundlerProject, MARKER, runScript } from './bundler-project.js';

/**
 * One dev server, started once: it serves the stub of the 'use server' module, then — after the action's signature
 * changes and tspc rewrites the generated client — the new stub and the new client, without a restart.
 */
const devScript = (dir: string): string => `
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';
import actionwire from 'actionwire/vite';

const server = await createServer({
  root: ${JSON.stringify(dir)}, configFile: false, logLevel: 'silent', plugins: [actionwire()],
  server: { port: 0, host: '127.0.0.1' }, optimizeDeps: { noDiscovery: true, include: [] },
});
await server.listen();
const base = 'http://127.0.0.1:' + server.httpServer.address().port;
// a keep-alive connection the server closed while tspc ran is retried once on a new one
const get = async (path) => (await fetch(base + path).catch(() => fetch(base + path))).text();
const until = async (path, test) => {
  for (let tries = 0; tries < 100; tries++) {
    const text = await get(path);
    if (test(text)) return text;
    await new Promise((done) => setTimeout(done, 100));
  }
  return 'TIMED OUT: ' + (await get(path));
};
try {
  const report = {};
  report.stubBefore = await get('/src/app/actions.ts');
  report.clientBefore = await get('/src/generated/client/app/actions.js');
  const actions = ${JSON.stringify(join(dir, 'src/app/actions.ts'))};
  writeFileSync(actions, readFileSync(actions, 'utf8')
    .replace('export const add = async (a: number, b: number)', 'export const add = async (a: number, b: number, c?: number)')
    + 'export async function added(): Promise<number> { return 1; }\\n');
  execFileSync(process.execPath, [${JSON.stringify(tspcBin)}, '-p', 'tsconfig.json'], { cwd: ${JSON.stringify(dir)} });
  report.clientAfter = await until('/src/generated/client/app/actions.js', (text) => text.includes('"c"'));
  report.stubAfter = await until('/src/app/actions.ts', (text) => text.includes('added'));
  // an action added before the watcher regenerates: the request fails, and succeeds once tspc has run
  writeFileSync(actions, readFileSync(actions, 'utf8') + 'export async function later(): Promise<number> { return 2; }\\n');
  // the old stub is served until the watcher reports the change
  for (let tries = 0; tries < 100 && report.earlyStatus !== 500; tries++) {
    const early = await fetch(base + '/src/app/actions.ts');
    report.earlyStatus = early.status;
    report.early = await early.text();
    await new Promise((done) => setTimeout(done, 100));
  }
  execFileSync(process.execPath, [${JSON.stringify(tspcBin)}, '-p', 'tsconfig.json'], { cwd: ${JSON.stringify(dir)} });
  report.stubLater = await until('/src/app/actions.ts', (text) => text.includes('later'));
  report.disk = readFileSync(${JSON.stringify(join(dir, 'src/generated/client/app/actions.js'))}, 'utf8').includes('"c"');
  console.log(JSON.stringify(report));
} finally {
  await server.close();
}
`;

describe('the Vite dev server', () => {
  const dir = bundlerProject('bundler-vite-dev');
  const compiled = tspc(dir);

  it('serves the stub, then the regenerated client and stub without a restart', () => {
    expect(compiled.output).toBe('');
    const result = runScript(dir, 'vite-dev.mjs', devScript(dir));
    if (result.status !== 0) throw new Error(result.output);
    const report = JSON.parse(result.output.trim().split('\n').pop() ?? '{}') as Record<string, string | boolean>;
    expect(report.stubBefore).toContain('/src/generated/client/app/actions.js');
    expect(report.stubBefore).toMatch(/export \{ epoch, add, renamed, "with space", default \} from/);
    expect(report.stubBefore).not.toContain(MARKER);
    expect(report.stubBefore).not.toContain('lib/db');
    expect(report.clientBefore).toContain('"add":["/actions/app/actions/add",["a","b"]');
    // tspc rewrote it (report.disk), and the dev server noticed
    expect(report.disk).toBe(true);
    expect(report.clientAfter).toContain('"add":["/actions/app/actions/add",["a","b","c"]');
    expect(report.stubAfter).toMatch(/export \{ epoch, add, renamed, "with space", default, added \} from/);
    expect(report.earlyStatus).toBe(500);
    expect(report.early).toContain("exports 'later', which its generated client (src/generated/client/app/actions.js) lacks");
    expect(report.stubLater).toMatch(/export \{ epoch, add, renamed, "with space", default, added, later \} from/);
  });
});

describe("Vite's dependency scan", () => {
  const dir = bundlerProject('bundler-vite-scan', { 'index.html': '<!doctype html><html><body><script type="module" src="/src/web/main.ts"></script></body></html>\n' });
  const compiled = tspc(dir);

  it("pre-bundles what the page needs (ky) and none of what the 'use server' module imports (koa)", () => {
    expect(compiled.output).toBe('');
    const script = `
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'vite';
import actionwire from 'actionwire/vite';
const server = await createServer({ root: ${JSON.stringify(dir)}, configFile: false, logLevel: 'silent', plugins: [actionwire()], server: { port: 0, host: '127.0.0.1' } });
await server.listen();
try {
  const base = 'http://127.0.0.1:' + server.httpServer.address().port;
  await (await fetch(base + '/')).text();
  await (await fetch(base + '/src/web/main.ts')).text();
  const deps = ${JSON.stringify(dir)} + '/node_modules/.vite/deps';
  for (let tries = 0; tries < 100 && !existsSync(deps + '/_metadata.json'); tries++) await new Promise((done) => setTimeout(done, 100));
  console.log(JSON.stringify(readdirSync(deps).filter((name) => name.endsWith('.js'))));
} finally {
  await server.close();
}
`;
    const result = runScript(dir, 'vite-scan.mjs', script);
    expect(result.status).toBe(0);
    const deps = JSON.parse(result.output.trim().split('\n').pop() ?? '[]') as string[];
    expect(deps).toContain('ky.js');
    expect(deps).not.toContain('koa.js');
  });
});
