import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tspc, writeProject, type CommandResult } from '../helpers/project.js';
import { redoclyLint } from '../helpers/redocly.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/**
 * Export names are any string (`export { f as "get?x=1" }`), and each is a segment of its action's route.
 * The generated client percent-encodes every segment, so that the server's router receives exactly the
 * route: a `?`, `#` or `%` in a name never reaches another action. Names no URL path can carry are errors.
 */

/** Each name the issue found reaching another action, and the actions it reached instead. */
const NAMES = ['get?x=1', 'get#frag', 'get', '%41', 'A', 'a b', 'grüße', '{id}', '[id]', 'x/y'];

const oddModule = `'use server';
${NAMES.map((name, index) => `async function f${index}(): Promise<string> {\n  return ${JSON.stringify(name)};\n}`).join('\n')}
export { ${NAMES.map((name, index) => `f${index} as ${JSON.stringify(name)}`).join(', ')} };
`;

const serverScript = `import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { createActionRouter } from './generated/routes.js';
const app = new Koa();
app.use(createActionRouter().routes());
const server = app.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + (server.address() as AddressInfo).port + '/'));
`;

type Odd = Record<string, () => Promise<string>>;

describe('actions exported under names with URL characters', () => {
  let dir: string;
  let compiled: CommandResult;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dir = writeProject('route-names', { 'src/odd.ts': oddModule, 'src/server.ts': serverScript });
    compiled = tspc(dir);
    if (compiled.status === 0) server = await startServerProcess(join(dir, 'dist', 'server.js'));
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('compile', () => {
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('each reach their own action through the generated client (createClient and the module itself)', async () => {
    const index = (await import(join(dir, 'dist', 'generated', 'client', 'index.js'))) as { createClient: (options: { baseUrl: string }) => { odd: Odd }; configureClient: (options: { baseUrl: string }) => void };
    const api = index.createClient({ baseUrl: (server as ServerProcess).url });
    index.configureClient({ baseUrl: (server as ServerProcess).url });
    const odd = (await import(join(dir, 'dist', 'generated', 'client', 'odd.js'))) as Odd;
    for (const name of NAMES) {
      expect(await (api.odd[name] as () => Promise<string>)()).toBe(name);
      expect(await (odd[name] as () => Promise<string>)()).toBe(name);
    }
  });

  it('are paths of the OpenAPI document as a URL spells them, which redocly accepts', () => {
    const specPath = join(dir, 'src', 'generated', 'openapi.json');
    const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/actions/odd/get%3Fx%3D1', '/actions/odd/get%23frag', '/actions/odd/%2541', '/actions/odd/%7Bid%7D', '/actions/odd/[id]', '/actions/odd/x/y']));
    const result = redoclyLint(specPath);
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.status).toBe(0);
  });
});

describe('export names no route can carry', () => {
  it('are errors at the export, with file:line:col and a code', () => {
    const names = ['.', '..', '', 'a/', 'a//b', 'a/../b'];
    const dir = writeProject('route-names-unroutable', {
      'src/bad.ts': `'use server';\nasync function f(): Promise<void> {}\nexport {\n${names.map((name) => `  f as ${JSON.stringify(name)},`).join('\n')}\n};\n`,
    });
    const result = tspc(dir);
    expect(result.status).not.toBe(0);
    names.forEach((name, index) => {
      const line = 4 + index;
      expect(result.output).toContain(`src/bad.ts(${line},8): error TS93016: [actionwire/unroutable-name] Server action ${JSON.stringify(name)}`);
    });
  });
});
