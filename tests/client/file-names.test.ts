import { join } from 'node:path';
import { tspc, writeProject, type CommandResult } from '../helpers/project.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/** One action per module, named for the module, so each call shows which route answered. */
function module(name: string): string {
  return `'use server';\nexport async function where(): Promise<string> {\n  return ${JSON.stringify(name)};\n}\n`;
}

type Where = { where: () => Promise<string> };

interface IndexClient {
  createClient: (options: { baseUrl: string }) => { itS: Where; myFile: Where; grüße: Where };
}

const files = {
  "src/it's.ts": module("it's"),
  'src/my file.ts': module('my file'),
  'src/grüße.ts': module('grüße'),
  // the user's side: every module through the generated client, typed
  'src/use.ts': `import { createClient, itS, myFile, grüße } from './generated/client/index.js';
const api = createClient({ baseUrl: 'http://127.0.0.1:1/' });
export const all: Array<Promise<string>> = [itS.where(), myFile.where(), grüße.where(), api.itS.where(), api.myFile.where(), api.grüße.where()];
`,
  'src/server.ts': `import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { createActionRouter } from './generated/routes.js';
const app = new Koa();
app.use(createActionRouter().routes());
const server = app.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + (server.address() as AddressInfo).port + '/'));
`,
};

let dir: string;
let compiled: CommandResult;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dir = writeProject('client-file-names', files);
  compiled = tspc(dir);
  if (compiled.status === 0) server = await startServerProcess(join(dir, 'dist', 'server.js'));
});

afterAll(async () => {
  await server?.stop();
});

describe("modules named it's.ts, my file.ts and grüße.ts", () => {
  it('give a generated client that compiles, its import specifiers valid string literals', () => {
    expect(compiled.output.split('\n').filter((line) => line.includes('generated/client'))).toEqual([]);
  });

  it('compile with the rest of the project', () => {
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('are called through createClient, each reaching its own route', async () => {
    const index = (await import(join(dir, 'dist', 'generated', 'client', 'index.js'))) as IndexClient;
    const api = index.createClient({ baseUrl: (server as ServerProcess).url });
    expect(await api.itS.where()).toBe("it's");
    expect(await api.myFile.where()).toBe('my file');
    expect(await api.grüße.where()).toBe('grüße');
  });
});
