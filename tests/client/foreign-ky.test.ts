import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HTTPError } from 'ky';
import { ActionError } from '../../runtime/client/action-error.js';
import { createCaller } from '../../runtime/client/caller.js';
import { repoRoot } from '../helpers/paths.js';

type Ky = typeof import('ky');

let server: Server;
let baseUrl: string;
let copyDir: string;
let foreign: Ky;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(422, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'nope', errors: [{ path: '/x', message: 'bad' }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // A second install of ky, as when an application passes its own ky instance: other classes, same behaviour.
  copyDir = mkdtempSync(join(tmpdir(), 'client-foreign-ky-'));
  cpSync(join(repoRoot, 'node_modules', 'ky'), join(copyDir, 'node_modules', 'ky'), { recursive: true });
  foreign = (await import(pathToFileURL(join(copyDir, 'node_modules', 'ky', 'distribution', 'index.js')).href)) as Ky;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(copyDir, { recursive: true, force: true });
});

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call did not fail');
}

describe('HTTP errors from a ky instance of another copy of ky', () => {
  it('are a different class than ours (what makes instanceof miss them)', async () => {
    const error = await failure(foreign.default.post(baseUrl));
    expect(error).toBeInstanceOf(foreign.HTTPError);
    expect(error).not.toBeInstanceOf(HTTPError);
  });

  it('become an ActionError with the problem details', async () => {
    const call = createCaller({ baseUrl, ky: foreign.default.create({}) });
    const error = await failure(call('/actions/m/f', {}));
    expect(ActionError.is(error)).toBe(true);
    const actionError = error as ActionError;
    expect(actionError.status).toBe(422);
    expect(actionError.title).toBe('Unprocessable');
    expect(actionError.detail).toBe('nope');
    expect(actionError.errors).toEqual([{ path: '/x', message: 'bad' }]);
  });

  it('as do those of the ky this package uses', async () => {
    const error = await failure(createCaller({ baseUrl })('/actions/m/f', {}));
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).status).toBe(422);
  });
});
