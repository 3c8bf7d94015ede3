import { readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { actionwireCli, writeProject } from '../helpers/project.js';
import { cliBin, repoRoot } from '../helpers/paths.js';
import { waitFor, WatchProcess } from '../helpers/watch-process.js';

const actions = `'use server';
import type { Account } from './account.js';

/** Every account with this role. */
export async function listAccounts(role: Account['role'], page?: number): Promise<Account[]> {
  return [];
}

export async function rename(id: string, patch: Partial<Pick<Account, 'name' | 'tags'>>): Promise<Account | undefined> {
  return undefined;
}
`;
const account = `export interface Account {
  id: string;
  /** shown to other users */
  name: string;
  role: 'owner' | 'admin' | 'member';
  tags: ReadonlySet<string>;
  joined: Date;
  limits: Record<'daily' | 'monthly', number>;
  contact?: { email: string } | null;
}
`;

/** A project whose own TypeScript (node_modules/typescript) is this repository's TypeScript 7, as a user's would be. */
function typescript7Project(name: string, files: Record<string, string>): string {
  const dir = writeProject(name, files, { plugin: { title: 'Accounts' } });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules', 'typescript-7'), join(dir, 'node_modules', 'typescript'), 'dir');
  return dir;
}

function filesUnder(directory: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.set(relative(directory, path), readFileSync(path, 'utf8'));
    }
  };
  walk(directory);
  return found;
}

describe('actionwire generate on a TypeScript 7 project (the analysis on the project\'s TypeScript 7)', () => {
  it('writes the same files, byte for byte, as on a TypeScript 6 project', () => {
    const seven = typescript7Project('cli-ts7-same', { 'src/actions.ts': actions, 'src/account.ts': account });
    const six = writeProject('cli-ts7-same-on-6', { 'src/actions.ts': actions, 'src/account.ts': account }, { plugin: { title: 'Accounts' } });
    const onSeven = actionwireCli(seven, ['generate']);
    const onSix = actionwireCli(six, ['generate']);
    expect(onSeven).toEqual({ status: 0, output: expect.stringMatching(/^actionwire: 2 actions; \d+ files written/) });
    expect(onSix.status).toBe(0);
    const generated = filesUnder(join(seven, 'src', 'generated'));
    expect([...generated.keys()].sort()).toEqual([...filesUnder(join(six, 'src', 'generated')).keys()].sort());
    for (const [name, text] of filesUnder(join(six, 'src', 'generated'))) expect({ name, text: generated.get(name) }).toEqual({ name, text });
    expect(actionwireCli(seven, ['generate', '--check']).status).toBe(0);
  });

  it('reports every problem at once with file:line:col, exits 1 on errors and 0 on warnings alone', () => {
    const dir = typescript7Project('cli-ts7-diagnostics', {
      'src/actions.ts': `'use server';\nexport function notAsync(): number {\n  return 1;\n}\nexport const limit = 10;\nexport async function loose(value: any): Promise<void> {}\n`,
    });
    const failed = actionwireCli(dir, ['generate']);
    expect(failed.status).toBe(1);
    expect(failed.output.split('\n').filter((line) => line.includes('actionwire/'))).toEqual([
      expect.stringMatching(/^src\/actions\.ts\(2,17\): error TS93001: \[actionwire\/not-async\]/),
      expect.stringMatching(/^src\/actions\.ts\(5,14\): error TS93002: \[actionwire\/not-a-function\]/),
      expect.stringMatching(/^src\/actions\.ts\(6,29\): warning TS93006: \[actionwire\/any-type\]/),
    ]);
    writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function loose(value: any): Promise<void> {}\n`);
    const warned = actionwireCli(dir, ['generate']);
    expect(warned.status).toBe(0);
    expect(warned.output).toMatch(/src\/actions\.ts\(2,29\): warning TS93006/);
    expect(warned.output).toMatch(/actionwire: 1 actions/);
  });

  it("finds the plugin entry through extends and comments (TypeScript 7 keeps no plugins), and says when there is none", () => {
    const dir = typescript7Project('cli-ts7-extends', { 'src/actions.ts': actions, 'src/account.ts': account });
    const written = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    writeFileSync(join(dir, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: written.compilerOptions }, null, 2));
    writeFileSync(join(dir, 'tsconfig.json'), `{\n  // the shared options, the plugin entry among them\n  "extends": "./tsconfig.base",\n  /* the sources */ "include": ["src"],\n}\n`);
    const result = actionwireCli(dir, ['generate']);
    expect(result).toEqual({ status: 0, output: expect.stringMatching(/^actionwire: 2 actions; \d+ files written/) });
    writeFileSync(join(dir, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { ...written.compilerOptions, plugins: [] } }, null, 2));
    const missing = actionwireCli(dir, ['generate']);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain(`${join(dir, 'tsconfig.json')} has no { "transform": "actionwire/transformer" } entry in compilerOptions.plugins`);
  });

  it('with --watch, regenerates on each change and reports errors until they are fixed', async () => {
    const dir = typescript7Project('cli-ts7-watch', { 'src/actions.ts': `'use server';\nexport async function one(): Promise<number> { return 1; }\n` });
    const watch = new WatchProcess([cliBin, 'generate', '--watch'], dir);
    try {
      await waitFor(() => watch.output(), /Found 0 errors\. Watching for file changes\./, 'the first run');
      expect(readFileSync(join(dir, 'src', 'generated', 'openapi.json'), 'utf8')).toContain('/actions/actions/one');
      const broken = await watch.settleAfter(() => writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<number> { return 1; }\nexport function two(): number { return 2; }\n`));
      expect(broken).toMatch(/src\/actions\.ts\(3,17\): error TS93001[\s\S]*Found 1 error\. Watching/);
      const fixed = await watch.settleAfter(() => writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<number> { return 1; }\nexport async function two(): Promise<number> { return 2; }\n`));
      expect(fixed).toMatch(/actionwire: 2 actions[\s\S]*Found 0 errors\. Watching/);
      expect(readFileSync(join(dir, 'src', 'generated', 'openapi.json'), 'utf8')).toContain('/actions/actions/two');
    } finally {
      watch.stop();
    }
  });
});
