import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { emitClientModule } from '../../codegen/client.js';
import { emitClientIndex } from '../../codegen/client-index.js';
import { MODEL_VERSION, type Action, type Model, type TypeNode } from '../../model/model.js';
import { decideClientNames, clientExportNameProblem, namespaceIdentifier, NamespaceAllocator } from '../../transformer/analysis/names/client-names.js';
import { tspc, writeProject } from '../helpers/project.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

function action(moduleId: string, exportName: string, returns?: TypeNode): Action {
  const result: Action = { moduleId, exportName, route: `${moduleId}/${exportName}`, params: [], source: { file: `${moduleId}.ts`, line: 1, column: 1 } };
  if (returns) result.returns = returns;
  return result;
}

describe('namespace identifiers of modules', () => {
  it.each([
    ['app/users', 'appUsers'],
    ['app/user-actions', 'appUserActions'],
    ['my_file', 'myFile'],
    ['my file', 'myFile'],
    ["it's", 'itS'],
    ['grüße', 'grüße'],
    ['über/straße', 'überStraße'],
    ['2fa', '_2fa'],
    ['class', 'class_'],
    ['call', 'call_'],
    ['createClient', 'createClient_'],
    ['eval', 'eval_'],
    ['---', '_'],
  ])('%j → %s', (moduleId, expected) => {
    expect(namespaceIdentifier(moduleId)).toBe(expected);
  });

  it('go to the first module that wants one; the next learns which module has it', () => {
    const allocator = new NamespaceAllocator();
    expect(allocator.claim('a-b')).toEqual({ namespace: 'aB' });
    expect(allocator.claim('a/b')).toEqual({ namespace: 'aB', takenBy: 'a-b' });
    expect(allocator.claim('a_c')).toEqual({ namespace: 'aC' });
  });
});

describe('identifiers of actions in their client module', () => {
  it('are the export names where those are free identifiers, fresh ones otherwise', () => {
    const user: TypeNode = { kind: 'ref', name: 'User' };
    const actions = [
      action('m', 'listUsers'),
      action('m', 'a-b'),
      action('m', 'a_b'),
      action('m', 'delete'),
      action('m', 'bound'),
      action('m', 'User', user),
      action('m', 'grüße'),
      action('m', 'with space'),
      action('m', 'default'),
    ];
    decideClientNames(actions);
    expect(Object.fromEntries(actions.map((entry) => [entry.exportName, entry.clientLocal]))).toEqual({
      listUsers: undefined,
      'a-b': 'a_b_',
      a_b: undefined,
      delete: 'delete_',
      bound: 'bound_',
      User: 'User_',
      grüße: undefined,
      'with space': 'with_space',
      default: undefined,
    });
  });

  it('leave parameter names alone: in the client module they appear only in types', () => {
    const dial = action('m', 'dial', { kind: 'date' });
    dial.params = ['call', 'returns', 'plans'].map((name) => ({ name, type: { kind: 'string' }, optional: false }));
    const actions = [dial, action('m', 'call')];
    decideClientNames(actions);
    expect(actions.map((entry) => entry.clientLocal)).toEqual([undefined, undefined]);
  });

  it('refuse the names the client module exports itself', () => {
    expect(clientExportNameProblem('bind')).toMatch(/exports 'bind' itself/);
    expect(clientExportNameProblem('__proto__')).toMatch(/sets the prototype/);
    expect(clientExportNameProblem('a-b')).toBeUndefined();
  });
});

describe('the client emitters print the names the model decided', () => {
  const user: TypeNode = { kind: 'object', properties: [{ name: 'name', type: { kind: 'string' }, optional: false }] };
  const actions = [action('odd', 'a-b', { kind: 'number' }), action('odd', 'delete', { kind: 'string' }), action('odd', 'User', { kind: 'ref', name: 'User' }), action('odd', 'plain')];
  decideClientNames(actions);
  const model: Model = {
    version: MODEL_VERSION,
    basePath: '/actions',
    title: 't',
    importExtension: '.js',
    modules: [
      { moduleId: 'odd', importPath: '../odd.js', namespace: 'odd' },
      { moduleId: "it's", importPath: "../it's.js", namespace: 'itS' },
      { moduleId: 'grüße', importPath: '../grüße.js', namespace: 'grüße' },
    ],
    actions,
    schemas: [{ name: 'User', type: user }],
  };

  it('exports names that are not identifiers as strings, through fresh locals', () => {
    const { declarations, script: moduleScript } = emitClientModule(model, 'odd');
    const script = moduleScript.render('esm');
    expect(declarations).toContain(`  readonly "a-b": ActionFunction$<() => Promise<number>, never>;`);
    expect(declarations).toContain(`declare const a_b: ActionFunction$<() => Promise<number>, never>;\nexport { a_b as "a-b" };`);
    expect(declarations).toContain(`declare const delete_: ActionFunction$<() => Promise<string>, never>;\nexport { delete_ as delete };`);
    expect(declarations).toContain(`export declare const plain: ActionFunction$<() => Promise<void>, never>;`);
    expect(script).toContain(`"a-b":["/actions/odd/a-b",[],0,0]`);
    expect(script).toContain(`const a_b = bound["a-b"];\nexport { a_b as "a-b" };`);
    expect(script).toContain(`const delete_ = bound.delete;\nexport { delete_ as delete };`);
    expect(script).toContain(`const User_ = bound.User;\nexport { User_ as User };`);
    expect(script).toContain(`export const plain = bound.plain;`);
  });

  it('imports a type named like an action for the signatures, and leaves its re-export to client/index', () => {
    const { declarations } = emitClientModule(model, 'odd');
    expect(declarations).toContain(`import type { User } from './_types.js';`);
    expect(declarations).not.toContain(`export type { User }`);
  });

  it('uses the namespaces of the model and quotes every import specifier', () => {
    const index = emitClientIndex(model);
    for (const text of [index.declarations, index.script.render('esm')]) {
      expect(text).toContain(`import * as itS from './it\\'s.js';`);
      expect(text).toContain(`import * as grüße from './grüße.js';`);
      expect(text).toContain(`export { odd, itS, grüße };`);
    }
    expect(index.script.render('esm')).toContain(`    itS: itS.bind(call),`);
    expect(index.declarations).toContain(`  itS: ReturnType<typeof itS.bind>;`);
  });
});

describe('modules whose namespaces collide (tspc)', () => {
  const action = `'use server';\nexport async function ping(): Promise<string> {\n  return 'pong';\n}\n`;
  const dir = writeProject('naming-namespaces', { 'src/a-b.ts': action, 'src/a/b.ts': action, 'src/grüße.ts': action, 'src/call.ts': action });
  const result = tspc(dir);

  it("are reported on the second module's directive, and the build fails", () => {
    expect(result.status).not.toBe(0);
    const lines = result.output.split('\n').filter((line) => line.includes('actionwire/'));
    expect(lines).toEqual([
      expect.stringMatching(/src\/a\/b\.ts\(1,1\): error TS93012: \[actionwire\/name-collision\] The 'use server' modules 'a-b' and 'a\/b' would both be the namespace 'aB' of the generated client/),
    ]);
  });

  it('leave the generated client compiling, with the first module and every other one', () => {
    expect(result.output).not.toMatch(/src\/generated/);
    const index = readFileSync(join(dir, 'src', 'generated', 'client', 'index.js'), 'utf8');
    expect(index).toContain(`export { aB, call_, grüße };`);
    expect(index).toContain(`import * as aB from './a-b.js';`);
    expect(existsSync(join(dir, 'src', 'generated', 'client', 'a', 'b.js'))).toBe(false);
  });
});

/** The generated client's exports, as the test reads them from the compiled module. */
interface OddClient {
  'a-b': (x: number) => Promise<number>;
  a_b: () => Promise<string>;
  delete: () => Promise<string>;
  returns: () => Promise<string>;
  User: (name: string) => Promise<{ name: string; at: Date }>;
  'grüße': (name: string) => Promise<string>;
  dial: (call: string, returns: number, plans: boolean) => Promise<{ at: Date; text: string }>;
}

interface IndexClient {
  configureClient: (options: { baseUrl: string }) => void;
  createClient: (options: { baseUrl: string }) => { odd: OddClient };
}

describe('actions exported under names that are not identifiers (tspc, then called through the client)', () => {
  const files = {
    'src/odd.ts': `'use server';
export interface User {
  name: string;
  at: Date;
}
async function dash(x: number): Promise<number> {
  return x + 1;
}
async function remove(): Promise<string> {
  return 'removed';
}
async function greet(name: string): Promise<string> {
  return 'hallo ' + name;
}
export { dash as "a-b", remove as delete, greet as "grüße" };
export async function a_b(): Promise<string> {
  return 'a_b';
}
export async function returns(): Promise<string> {
  return 'returns';
}
export async function User(name: string): Promise<User> {
  return { name, at: new Date(0) };
}
export async function dial(call: string, returns: number, plans: boolean): Promise<{ at: Date; text: string }> {
  return { at: new Date(returns), text: call + plans };
}
`,
    // what a user writes against the generated client: the same names, the same types
    'src/use.ts': `import { "a-b" as dash, a_b, delete as remove, returns, User, "grüße" as greet } from './generated/client/odd.js';
import { createClient, type User as UserType } from './generated/client/index.js';
export const checks: [Promise<number>, Promise<string>, Promise<string>, Promise<string>, Promise<UserType>, Promise<string>] = [dash(1), a_b(), remove(), returns(), User('x'), greet('x')];
export const bound: Promise<number> = createClient({ baseUrl: 'http://127.0.0.1:1/' }).odd['a-b'](1);
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
  let server: ServerProcess | undefined;
  let compiled: { status: number; output: string };

  beforeAll(async () => {
    dir = writeProject('naming-exports', files);
    compiled = tspc(dir);
    if (compiled.status === 0) server = await startServerProcess(join(dir, 'dist', 'server.js'));
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('compile: the generated client exports the same names with the same types', () => {
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('are callable through the module exports and through createClient', async () => {
    const url = (server as ServerProcess).url;
    const odd = (await import(join(dir, 'dist', 'generated', 'client', 'odd.js'))) as OddClient;
    const index = (await import(join(dir, 'dist', 'generated', 'client', 'index.js'))) as IndexClient;
    index.configureClient({ baseUrl: url });
    expect(await odd['a-b'](1)).toBe(2);
    expect(await odd.a_b()).toBe('a_b');
    expect(await odd.delete()).toBe('removed');
    expect(await odd.returns()).toBe('returns');
    expect(await odd.User('ada')).toEqual({ name: 'ada', at: new Date(0) });
    const api = index.createClient({ baseUrl: url });
    expect(await api.odd['a-b'](41)).toBe(42);
    expect(Object.keys(api.odd).sort()).toEqual(['User', 'a-b', 'a_b', 'delete', 'dial', 'grüße', 'returns']);
    expect(await odd.dial('555', 86_400_000, true)).toEqual({ at: new Date(86_400_000), text: '555true' });
  });

  it('reach a route named with non-ASCII letters', async () => {
    const odd = (await import(join(dir, 'dist', 'generated', 'client', 'odd.js'))) as OddClient;
    expect(await odd['grüße']('welt')).toBe('hallo welt');
  });
});

describe('actions exported under a name the client module exports itself (tspc)', () => {
  const dir = writeProject('naming-bind', {
    'src/accounts.ts': `'use server';\nexport async function bind(id: string): Promise<string> {\n  return id;\n}\nfunction sync(): string {\n  return '';\n}\nexport { sync as "not-async" };\n`,
  });
  const result = tspc(dir);

  it('are a diagnostic on the export', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/src\/accounts\.ts\(2,23\): error TS93012: \[actionwire\/name-collision\] Server action 'bind' cannot keep this export name/);
  });

  it('and a sync function exported under a string name is told to become async without a declaration to copy', () => {
    expect(result.output).toMatch(/src\/accounts\.ts\(8,18\): error TS93001: \[actionwire\/not-async\] Server action 'not-async' must be an async function: declare the function exported as 'not-async' with 'async'/);
  });
});

describe("a project's own types named like what the client declarations import (Caller, ActionFunction) (tspc)", () => {
  const dir = writeProject('naming-client-imports', {
    'src/phone.ts': `'use server';
export interface Caller {
  number: string;
}
export interface ActionFunction {
  label: string;
}
export async function hangUp(who: Caller): Promise<ActionFunction> {
  return { label: who.number };
}
/** hands hangUp back: a named type holding an action */
export interface Dialer {
  who: Caller;
  hangUp: typeof hangUp;
}
export async function dial(who: Caller): Promise<Dialer> {
  return { who, hangUp };
}
`,
  });
  const result = tspc(dir);

  it('compile, and the generated declarations have no error under strict settings, skipLibCheck off', () => {
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    const client = join(dir, 'src', 'generated', 'client');
    const files = ['_types.d.ts', 'phone.d.ts', 'index.d.ts'].map((name) => join(client, name));
    const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [], noUnusedLocals: true });
    const problems = files.flatMap((file) => {
      const source = program.getSourceFile(file);
      return source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    });
    expect(ts.formatDiagnostics(problems, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => dir, getNewLine: () => '\n' })).toBe('');
    expect(readFileSync(join(client, '_types.d.ts'), 'utf8')).toContain('  hangUp: ActionFunction$<(who: Caller) => Promise<ActionFunction>>;');
  });
});
