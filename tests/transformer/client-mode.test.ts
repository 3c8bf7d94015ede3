import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { actionwireCli, run, tspc, writeProject } from '../helpers/project.js';
import { startServerProcess } from '../helpers/server-process.js';

const MARKER = 'SERVER-ONLY-MARKER';

/** A server module, what it imports, a page with an inline action, and UI code importing the actions as the seed does. */
function sources(webExtension: '.js' | ''): Record<string, string> {
  const extension = '.js';
  return {
    'src/lib/db.ts': `export const secret = '${MARKER}-db';\nexport interface User { id: number; name: string; joinedAt: Date }\nexport const users: User[] = [{ id: 1, name: 'Ada', joinedAt: new Date(0) }];\n`,
    'src/lib/audit.ts': `export function audit(what: string): void { console.log('${MARKER}-audit', what); }\n`,
    'src/app/actions.ts': `'use server';\nimport { secret, users, type User } from '../lib/db${extension}';\nimport { audit } from '../lib/audit${extension}';\nconst note = '${MARKER}-actions';\n\n/** Every user. */\nexport async function fetchUsers(): Promise<User[]> {\n  audit(note + secret);\n  return users;\n}\n\nexport default async function greet(name: string): Promise<string> {\n  return \`hello \${name}\`;\n}\n\nexport type { User };\n`,
    'src/server.ts': `import Koa from 'koa';\nimport { createActionRouter } from './generated/routes${extension}';\nconst app = new Koa();\napp.use(createActionRouter().routes());\nconst server = app.listen(0, '127.0.0.1', () => console.log(\`http://127.0.0.1:\${(server.address() as { port: number }).port}/\`));\n`,
    'src/web/main.ts': `import { configureClient } from 'actionwire/client';\nimport greet, { fetchUsers, type User } from '../app/actions${webExtension}';\nimport type { User as Same } from '../lib/db${webExtension}';\n\nexport async function run(baseUrl: string): Promise<string> {\n  configureClient({ baseUrl });\n  const list: Array<User & Same> = await fetchUsers();\n  return \`\${await greet('web')} \${list[0]?.name} \${list[0]?.joinedAt instanceof Date}\`;\n}\n`,
  };
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function clientTsconfig(dir: string, compilerOptions: Record<string, unknown>, include = ['src/web']): void {
  const tsconfig = {
    compilerOptions: {
      target: 'es2022',
      strict: true,
      rootDir: 'src',
      outDir: 'dist-web',
      skipLibCheck: true,
      types: [],
      lib: ['es2022', 'dom'],
      ...compilerOptions,
      plugins: [{ transform: 'actionwire/transformer', transformProgram: true, generatedDir: 'src/generated', mode: 'client' }],
    },
    include,
  };
  writeFileSync(join(dir, 'tsconfig.web.json'), JSON.stringify(tsconfig, null, 2));
}

async function serveAndRun(dir: string, entry: string): Promise<string> {
  const server = await startServerProcess(join(dir, 'dist', 'server.js'));
  try {
    const result = run(['--input-type=module', '-e', `import(${JSON.stringify(entry)}).then(async (m) => console.log(await m.run(${JSON.stringify(server.url)})))`], dir);
    return result.output.trim();
  } finally {
    await server.stop();
  }
}

describe.each([
  ['module nodenext (ESM with .js specifiers)', '.js' as const, { module: 'nodenext', moduleResolution: 'nodenext' }],
  ['module esnext + moduleResolution bundler', '' as const, { module: 'esnext', moduleResolution: 'bundler' }],
])('client mode, %s', (_name, extension, clientOptions) => {
  // the server always runs on Node (nodenext); the client build is the setting under test
  const dir = writeProject(`client-mode-${extension === '' ? 'bundler' : 'nodenext'}`, sources(extension));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')), exclude: ['src/web'] }, null, 2));
  clientTsconfig(dir, clientOptions);
  const server = tspc(dir);
  const client = run([join(dir, '..', '..', '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.web.json'], dir);

  it('compiles the server, then the client', () => {
    expect(server.output).toBe('');
    expect(client.output).toBe('');
    expect(client.status).toBe(0);
  });

  it('emits the server module as a stub re-exporting the generated client, and nothing it imports', () => {
    const stub = readFileSync(join(dir, 'dist-web', 'app', 'actions.js'), 'utf8');
    expect(stub.trim()).toBe(`export { fetchUsers, default } from "../generated/client/app/actions${extension}";`);
    const emitted = filesUnder(join(dir, 'dist-web')).map((path) => path.slice(dir.length + 1)).sort();
    expect(emitted).toEqual(['dist-web/app/actions.js', 'dist-web/generated/client/app/actions.js', 'dist-web/web/main.js']);
  });

  it('puts no server code in any client file, nor in the bundle', async () => {
    for (const file of filesUnder(join(dir, 'dist-web'))) expect(readFileSync(file, 'utf8')).not.toContain(MARKER);
    const bundle = await build({ entryPoints: [join(dir, 'dist-web', 'web', 'main.js')], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
    const text = new TextDecoder().decode(bundle.outputFiles[0]?.contents);
    expect(text).not.toContain(MARKER);
    expect(text).toContain('/actions/app/actions/fetchUsers');
  });

  it('calls the actions over HTTP, as the seed calls them', async () => {
    const bundle = join(dir, 'dist-web', 'bundle.mjs');
    await build({ entryPoints: [join(dir, 'dist-web', 'web', 'main.js')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'silent' });
    expect(await serveAndRun(dir, extension === '' ? bundle : join(dir, 'dist-web', 'web', 'main.js'))).toBe('hello web Ada true');
  });
});

describe('client mode, UI code importing the generated client itself', () => {
  const direct = `import { createClient } from '../generated/client/index.js';\n\nexport async function run(baseUrl: string): Promise<string> {\n  const { appActions } = createClient({ baseUrl });\n  const list = await appActions.fetchUsers();\n  return \`\${await appActions.default('index')} \${list[0]?.joinedAt instanceof Date}\`;\n}\n`;
  const dir = writeProject('client-mode-index', { ...sources('.js'), 'src/web/main.ts': direct });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')), exclude: ['src/web'] }, null, 2));
  clientTsconfig(dir, { module: 'nodenext', moduleResolution: 'nodenext' });
  const server = tspc(dir);
  const client = run([join(dir, '..', '..', '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.web.json'], dir);

  it('copies the client scripts that index.js imports, and calls through them', async () => {
    expect(server.output).toBe('');
    expect(client.output).toBe('');
    const emitted = filesUnder(join(dir, 'dist-web')).map((path) => path.slice(dir.length + 1)).sort();
    expect(emitted).toEqual(['dist-web/generated/client/app/actions.js', 'dist-web/generated/client/index.js', 'dist-web/web/main.js']);
    expect(await serveAndRun(dir, join(dir, 'dist-web', 'web', 'main.js'))).toBe('hello index true');
  });
});

describe('client mode problems', () => {
  it('has actionwire generate say that a client build generates nothing', () => {
    const dir = writeProject('client-mode-cli', sources('.js'));
    clientTsconfig(dir, { module: 'nodenext', moduleResolution: 'nodenext' });
    const result = actionwireCli(dir, ['generate', '-p', 'tsconfig.web.json']);
    expect(result.status).toBe(2);
    expect(result.output).toMatch(/this tsconfig is a client build \("mode": "client"\): it generates nothing/);
  });

  it('says when the generated client is missing (the server project was not built), at the server module', () => {
    const dir = writeProject('client-mode-missing', sources('.js'));
    clientTsconfig(dir, { module: 'nodenext', moduleResolution: 'nodenext' });
    const result = run([join(dir, '..', '..', '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.web.json'], dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/src\/app\/actions\.ts\(1,1\): error TS93015: \[actionwire\/client-mode\] The generated client of this 'use server' module \(.*client[\\/]app[\\/]actions\.d\.ts\) does not exist: build the server project first/);
  });

  it('says when the generated client is stale (an action added since the server build)', () => {
    const dir = writeProject('client-mode-stale', sources('.js'));
    expect(tspc(dir).status).toBe(0);
    writeFileSync(join(dir, 'src/app/actions.ts'), `${sources('.js')['src/app/actions.ts']}\nexport async function added(): Promise<number> { return 1; }\n`);
    clientTsconfig(dir, { module: 'nodenext', moduleResolution: 'nodenext' });
    const result = run([join(dir, '..', '..', '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.web.json'], dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/src\/app\/actions\.ts\(1,1\): error TS93015: \[actionwire\/client-mode\] The generated client of this 'use server' module is stale \(it lacks added\)/);
  });

  it('refuses client code importing a module with inline actions (server code)', () => {
    const page = `export async function page(id: string) {\n  async function save(): Promise<string> {\n    'use server';\n    return id;\n  }\n  return { save };\n}\n`;
    const dir = writeProject('client-mode-inline', { ...sources('.js'), 'src/page.ts': page, 'src/web/main.ts': `import { page } from '../page.js';\nexport const view = page('1');\n` });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')), exclude: ['src/web'] }, null, 2));
    expect(tspc(dir).status).toBe(0);
    clientTsconfig(dir, { module: 'nodenext', moduleResolution: 'nodenext' });
    const result = run([join(dir, '..', '..', '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.web.json'], dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/src\/page\.ts\(1,1\): error TS93015: \[actionwire\/client-mode\] Client code imports this module, which holds inline server actions \(page\.save\)/);
  });

  it('writes no server code when it reports such a module, even with noEmitOnError off', () => {
    const page = `import { secret } from './lib/db.js';
const key = '${MARKER}-page';
export async function page(id: string) {
  async function save(): Promise<string> {
    'use server';
    return id + key + secret;
  }
  return { save };
}
`;
    const dir = writeProject('client-mode-inline-emit', { ...sources('.js'), 'src/page.ts': page, 'src/web/main.ts': `import { page } from '../page.js';
export const view = page('1');
` });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')), exclude: ['src/web'] }, null, 2));
    expect(tspc(dir).status).toBe(0);
    clientTsconfig(dir, { module: 'nodenext', moduleResolution: 'nodenext', noEmitOnError: false });
    const result = run([join(dir, '..', '..', '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.web.json'], dir);
    expect(result.output).toMatch(/src\/page\.ts\(1,1\): error TS93015: \[actionwire\/client-mode\] Client code imports this module, which holds inline server actions/);
    const written = filesUnder(join(dir, 'dist-web'));
    expect(written.map((path) => path.slice(dir.length + 1))).toContain('dist-web/web/main.js');
    for (const path of written) expect(readFileSync(path, 'utf8')).not.toContain(MARKER);
  });
});
