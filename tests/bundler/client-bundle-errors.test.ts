import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tspc } from '../helpers/project.js';
import { bundlerProject, esbuildBuild, projectSources, viteBuild } from './bundler-project.js';
import type { CommandResult } from '../helpers/project.js';

type Bundle = (dir: string, entry: string, plugin?: string) => CommandResult;

const bundlers: Array<[string, Bundle]> = [
  ['vite', (dir, entry, plugin) => viteBuild(dir, `{ write: false, lib: { entry: ${JSON.stringify(entry)}, formats: ['es'], fileName: 'main' } }`, plugin)],
  ['esbuild', (dir, entry, plugin) => esbuildBuild(dir, `{ entryPoints: [${JSON.stringify(entry)}], write: false, outdir: 'out', platform: 'browser' }`, plugin)],
];

const page = `export async function page(id: string) {\n  async function save(): Promise<string> {\n    'use server';\n    return id;\n  }\n  return { save };\n}\n`;

/** One project holding every mistake, each behind its own entry; compiled once. */
const dir = bundlerProject('bundler-errors', {
  'src/web/direct.ts': `import { cookies } from 'actionwire/server';\nexport const read = () => cookies().get('a');\n`,
  'src/web/via.ts': `import { helper } from './helper.js';\nexport const run = () => helper();\n`,
  'src/web/helper.ts': `import { headers } from 'actionwire/server';\nexport const helper = () => headers();\n`,
  'src/app/page.ts': page,
  'src/web/inline.ts': `import { page } from '../app/page.js';\nexport const run = () => page('1');\n`,
  'src/web/secret-user.ts': `import { secret } from '../lib/db.js';\nexport const run = () => secret;\n`,
  'src/web/routes-user.ts': `import { createActionRouter } from '../generated/routes.js';\nexport const run = () => createActionRouter();\n`,
});
const compiled = tspc(dir);

it('compiles the server project', () => {
  expect(compiled.output).toBe('');
});

describe.each(bundlers)('%s client bundle problems', (_name, bundle) => {
  it('refuses UI code importing actionwire/server, naming the chain', () => {
    const result = bundle(dir, 'src/web/direct.ts');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("actionwire: a client bundle imports server code: actionwire/server is actionwire's server runtime");
    expect(result.output).toContain('import chain: src/web/direct.ts → actionwire/server');
  });

  it('refuses actionwire/server reached through an intermediate module, naming every step', () => {
    const result = bundle(dir, 'src/web/via.ts');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('import chain: src/web/via.ts → src/web/helper.ts → actionwire/server');
  });

  it('refuses the generated routes (they import actionwire/internal/server)', () => {
    const result = bundle(dir, 'src/web/routes-user.ts');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('import chain: src/web/routes-user.ts → src/generated/routes.ts → actionwire/internal/server');
  });

  it('refuses a module with inline actions', () => {
    const result = bundle(dir, 'src/web/inline.ts');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('actionwire: a client bundle imports src/app/page.ts, which holds inline server actions (save): it is server code');
    expect(result.output).toContain('import chain: src/web/inline.ts → src/app/page.ts');
  });

  it('refuses a module the serverOnly option marks (by folder, and by RegExp)', () => {
    for (const option of [`{ serverOnly: ['src/lib'] }`, `{ serverOnly: [/\\/db\\.ts$/] }`]) {
      const result = bundle(dir, 'src/web/secret-user.ts', option);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('src/lib/db.ts is server-only');
      expect(result.output).toContain('import chain: src/web/secret-user.ts → src/lib/db.ts');
    }
  });

  it('refuses a package the serverOnly option names, by its specifier', () => {
    const result = bundle(dir, 'src/web/secret-user.ts', `{ serverOnly: ['koa'] }`);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('import chain: src/web/secret-user.ts → src/lib/db.ts → koa');
  });

  it('refuses options it does not know', () => {
    const result = bundle(dir, 'src/web/main.ts', `{ serverOnlyy: ['koa'] }`);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('actionwire: unknown option "serverOnlyy"');
  });

  it('says which tsconfig it cannot read', () => {
    const result = bundle(dir, 'src/web/main.ts', `{ tsconfig: 'missing.json' }`);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/actionwire: cannot read .*missing\.json/);
  });
});

describe.each(bundlers)('%s and the generated client', (name, bundle) => {
  it('says to run tspc when the generated client does not exist', () => {
    const fresh = bundlerProject(`bundler-missing-${name}`);
    const result = bundle(fresh, 'src/web/main.ts');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("actionwire: the generated client of the 'use server' module src/app/actions.ts (src/generated/client/app/actions.js) does not exist: run tspc (or actionwire generate");
    expect(result.output).toContain('import chain: src/web/main.ts → src/app/actions.ts');
  });

  it('says the generated client is stale when the module exports an action it lacks (or a value that is no action)', () => {
    const stale = bundlerProject(`bundler-stale-${name}`);
    expect(tspc(stale).status).toBe(0);
    writeFileSync(join(stale, 'src/app/actions.ts'), `${projectSources()['src/app/actions.ts']}export const limit = 10;\n`);
    const result = bundle(stale, 'src/web/main.ts');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("actionwire: the 'use server' module src/app/actions.ts exports 'limit', which its generated client (src/generated/client/app/actions.js) lacks");
    // tspc, as its client mode does, refuses the value itself
    expect(tspc(stale).output).toContain("'limit' is exported from a 'use server' module but is not a function");
  });
});
