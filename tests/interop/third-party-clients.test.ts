import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot, tmpRoot } from '../helpers/paths.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/**
 * Clients generated from the sample's openapi.json by three third-party generators — orval (fetch client),
 * @hey-api/openapi-ts, openapi-typescript + openapi-fetch — generated here (no network), type-checked with tsc,
 * then run against a real sample server: each driver (tests/fixtures/third-party-clients/) calls every operation
 * of the spec, forms included, and prints each answer.
 */

const specPath = join(repoRoot, 'sample', 'generated', 'openapi.json');
const driversDir = join(repoRoot, 'tests', 'fixtures', 'third-party-clients');
const workDir = join(tmpRoot, 'third-party-clients');
const generatedDir = join(workDir, 'generated');
const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', name);

/**
 * Operations no driver calls, each with the reason: none today. Every action of the sample needs a call in each
 * driver, or this test fails — the streaming one included (each driver reads its text/event-stream as a user of
 * that generator would).
 */
const NOT_CALLED: Record<string, string> = {};

interface Spec {
  paths: Record<string, { post: { operationId: string } }>;
}

const operationIds = (): string[] =>
  Object.values((JSON.parse(readFileSync(specPath, 'utf8')) as Spec).paths)
    .map((item) => item.post.operationId)
    .filter((id) => !(id in NOT_CALLED))
    .sort();

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: workDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * orval's fetch client sends JSON.stringify(body) for a request body offered in more than one media type (it writes
 * a FormData only when the form is the one choice): as a user would, its input transformer keeps the multipart form.
 */
const ORVAL_CONFIG = `module.exports = {
  sample: {
    input: {
      target: ${JSON.stringify(specPath)},
      override: {
        transformer: (spec) => {
          for (const item of Object.values(spec.paths)) {
            const content = item.post.requestBody && item.post.requestBody.content;
            if (content && content['multipart/form-data']) item.post.requestBody.content = { 'multipart/form-data': content['multipart/form-data'] };
          }
          return spec;
        },
      },
    },
    output: { target: './generated/orval/client.ts', client: 'fetch', mode: 'single' },
  },
};
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom', 'dom.iterable'],
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ['*.ts', 'generated/**/*.ts'],
};

const DRIVERS = ['openapi-fetch', 'hey-api', 'orval'] as const;
type Driver = (typeof DRIVERS)[number];
type Calls = Record<string, { status: number; data: unknown }>;

let server: ServerProcess;

beforeAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  cpSync(driversDir, workDir, { recursive: true });
  run(bin('openapi-typescript'), [specPath, '-o', join(generatedDir, 'openapi-fetch', 'schema.ts')]);
  run(bin('openapi-ts'), ['-i', specPath, '-o', join(generatedDir, 'hey-api'), '-c', '@hey-api/client-fetch']);
  writeFileSync(join(workDir, 'orval.config.cjs'), ORVAL_CONFIG);
  run(bin('orval'), ['--config', join(workDir, 'orval.config.cjs')]);
  writeFileSync(join(workDir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  try {
    run(bin('tsc'), ['-p', join(workDir, 'tsconfig.json')]);
  } catch (error) {
    throw new Error(`the generated clients or the drivers do not type-check:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
  }
  await build({
    entryPoints: DRIVERS.map((driver) => join(workDir, `${driver}-driver.ts`)),
    outdir: join(workDir, 'out'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  server = await startServerProcess(join(repoRoot, 'sample', 'dist', 'server.js'));
});

afterAll(async () => {
  await server?.stop();
});

function callsOf(driver: Driver): Calls {
  const output = run(process.execPath, [join(workDir, 'out', `${driver}-driver.mjs`), server.url]);
  return JSON.parse(output) as Calls;
}

describe.each(DRIVERS)('the %s client generated from the sample’s openapi.json', (driver) => {
  it('calls every action of the sample, JSON and forms, and gets the answers the actions give', () => {
    const calls = callsOf(driver);
    expect(Object.keys(calls).sort()).toEqual(operationIds());
    const data = (id: string): Record<string, unknown> => {
      expect({ id, status: calls[id]?.status }).toEqual({ id, status: id === 'app_session_signOut' ? 204 : 200 });
      return calls[id]?.data as Record<string, unknown>;
    };
    expect(data('app_session_whoAmI')).toBeNull();
    expect(data('app_session_signIn')).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    expect(data('app_session_signInWithForm')).toMatchObject({ email: 'admin@example.com' });
    expect(data('app_feedback_sendFeedback')).toMatchObject({ message: `from ${driver}`, author: expect.any(String) });
    expect(data('app_actions_createUser')).toMatchObject({ email: `${driverEmailPrefix(driver)}@example.com`, joinedAt: '1952-05-01T09:00:00.000Z' });
    expect((data('app_actions_fetchUsers') as unknown as Array<{ email: string }>).map((user) => user.email)).toContain('admin@example.com');
    expect(data('app_posts_actions_openPost')).toMatchObject({ post: { id: 1 }, updatePost: { $action: expect.any(String), bound: expect.any(String) } });
    expect(data('app_posts_$005Bid$005D_page_PostPage$.updatePost')).toMatchObject({ id: 1, title: `Edited by ${driver}`, body: 'multipart' });
    expect(data('app_reindex_reindexPosts')).toEqual({
      items: 20,
      last: { step: 20, total: 20, label: 'posts 951–1000', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      done: { indexed: 20, total: 20, finishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(data('app_reindex_lastReindex')).toEqual({ state: 'finished', indexed: 20 });
    expect(data('app_session_signOut')).toBeNull();
  });
});

/** The email prefix each driver gives its new user. */
function driverEmailPrefix(driver: Driver): string {
  return { 'openapi-fetch': 'fetch', 'hey-api': 'hey', orval: 'orval' }[driver];
}
