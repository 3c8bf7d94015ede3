import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliBin, tspcBin } from '../helpers/paths.js';
import { actionwireCli, tspc, writeProject } from '../helpers/project.js';
import { waitFor, WatchProcess } from '../helpers/watch-process.js';

function reader(path: string): () => string {
  return () => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
}

describe('actionwire generate --watch', () => {
  it('regenerates when a server module changes, reports errors, and recovers', async () => {
    const dir = writeProject('watch', { 'src/actions.ts': `'use server';\nexport async function one(): Promise<number> { return 1; }\n` });
    const watch = new WatchProcess([cliBin, 'generate', '--watch'], dir);
    const spec = reader(join(dir, 'src', 'generated', 'openapi.json'));
    try {
      await waitFor(spec, /\/actions\/actions\/one/, 'the first generation');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<number> { return 1; }\nexport async function two(): Promise<string> { return '2'; }\n`);
      await waitFor(spec, /\/actions\/actions\/two/, 'the new action to appear');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport function broken() {}\n`);
      await waitFor(() => watch.output(), /src\/actions\.ts\(2,17\): error TS93001/, 'the diagnostic');
      expect(spec()).toMatch(/\/actions\/actions\/two/);
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function three(): Promise<void> {}\n`);
      await waitFor(spec, /\/actions\/actions\/three/, 'recovery');
      expect(spec()).not.toMatch(/\/actions\/actions\/one/);
    } finally {
      watch.stop();
    }
  });
});

describe('tspc --watch with the plugin', () => {
  it('compiles, reports a broken action, and clears the error when it is fixed', async () => {
    const dir = writeProject('tspc-watch', { 'src/actions.ts': `'use server';\nexport async function one(): Promise<number> { return 1; }\n` });
    const watch = new WatchProcess([tspcBin, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], dir);
    const compiled = reader(join(dir, 'dist', 'generated', 'client', 'actions.js'));
    try {
      await waitFor(() => watch.output(), /Found 0 errors/, 'the first build');
      expect(compiled()).toMatch(/\/actions\/actions\/one/);
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<number> { return 1; }\nexport function bad() {}\n`);
      await waitFor(() => watch.output(), /src\/actions\.ts\(3,17\): error TS93001[\s\S]*Found 1 error/, 'the diagnostic');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function two(): Promise<string> { return ''; }\n`);
      await waitFor(compiled, /\/actions\/actions\/two/, 'the fixed build');
      expect(watch.output()).not.toMatch(/Debug Failure|Error:/);
    } finally {
      watch.stop();
    }
  });
});

describe('tspc --watch rebuilds that keep the analysis', () => {
  it('emits an edited action body, then regenerates when a signature changes after it', async () => {
    const dir = writeProject('tspc-watch-reuse', { 'src/actions.ts': `'use server';\nexport async function one(): Promise<string> { return 'first'; }\n` });
    const watch = new WatchProcess([tspcBin, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], dir);
    const server = reader(join(dir, 'dist', 'actions.js'));
    const spec = reader(join(dir, 'src', 'generated', 'openapi.json'));
    try {
      await waitFor(() => watch.output(), /Found 0 errors/, 'the first build');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<string> { return 'second'; }\n`);
      await waitFor(server, /'second'/, 'the edited body in the output');
      expect(spec()).toMatch(/"type": "string"/);
      // a generated file removed by hand comes back with the next rebuild, also one that keeps the analysis
      rmSync(join(dir, 'src', 'generated', 'openapi.json'));
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<string> { return 'third'; }\n`);
      await waitFor(server, /'third'/, 'the second edited body');
      await waitFor(spec, /"type": "string"/, 'openapi.json written again');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<number> { return 3; }\n`);
      await waitFor(spec, /"type": "number"/, 'the new return type in openapi.json');
      await waitFor(server, /return 3;/, 'the new body');
      expect(watch.output()).not.toMatch(/error TS/);
    } finally {
      watch.stop();
    }
  });
});

describe('tspc --watch and declared errors', () => {
  it('regenerates when an edited body throws a new ActionError, or calls a function that does', async () => {
    const guard = `import { ActionError } from 'actionwire/server';\nexport function requireTicket(ticket: string): void {\n  if (ticket === '') throw new ActionError(402, 'Buy a ticket', { code: 'no-ticket' });\n}\n`;
    const action = (body: string): string => `'use server';\nimport { ActionError } from 'actionwire/server';\nimport { requireTicket } from './guard.js';\nexport async function enter(ticket: string): Promise<string> {\n${body}\n  return ticket;\n}\n`;
    const dir = writeProject('tspc-watch-errors', { 'src/guard.ts': guard, 'src/actions.ts': action('  void ActionError;') });
    const watch = new WatchProcess([tspcBin, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], dir);
    const spec = reader(join(dir, 'src', 'generated', 'openapi.json'));
    try {
      await waitFor(() => watch.output(), /Found 0 errors/, 'the first build');
      expect(spec()).not.toMatch(/"409"|"402"/);
      writeFileSync(join(dir, 'src', 'actions.ts'), action("  if (ticket === 'taken') throw new ActionError(409, 'Taken', { code: 'taken' });"));
      await waitFor(spec, /"409"/, 'the thrown 409 in openapi.json');
      writeFileSync(join(dir, 'src', 'actions.ts'), action("  if (ticket === 'taken') throw new ActionError(409, 'Taken', { code: 'taken' });\n  requireTicket(ticket);"));
      await waitFor(spec, /"402"/, "the called function's 402 in openapi.json");
      expect(spec()).toMatch(/"no-ticket"/);
      expect(watch.output()).not.toMatch(/error TS/);
    } finally {
      watch.stop();
    }
  });
});

describe('tspc --watch and declaration files that augment an action\'s types', () => {
  const takesShape = `'use server';\nexport async function take(shape: Shape): Promise<string> { return Object.keys(shape).join(); }\n`;
  it('regenerates when such a .d.ts changes, and when a new one is added', async () => {
    const dir = writeProject('tspc-watch-augment', {
      'src/actions.ts': takesShape,
      'src/shape.d.ts': `interface Shape { first: string }\n`,
      'src/more-shape.d.ts': `interface Shape { second: number }\n`,
    });
    const watch = new WatchProcess([tspcBin, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], dir);
    const spec = reader(join(dir, 'src', 'generated', 'openapi.json'));
    const clientTypes = reader(join(dir, 'src', 'generated', 'client', '_types.d.ts'));
    try {
      await waitFor(() => watch.output(), /Found 0 errors/, 'the first build');
      expect(spec()).toMatch(/"second"/);
      await watch.settleAfter(() => writeFileSync(join(dir, 'src', 'more-shape.d.ts'), `interface Shape { changed: boolean }\n`));
      expect(spec()).toMatch(/"changed"/);
      expect(spec()).not.toMatch(/"second"/);
      expect(clientTypes()).toMatch(/changed: boolean/);
      await watch.settleAfter(() => writeFileSync(join(dir, 'src', 'added-shape.d.ts'), `interface Shape { added: string[] }\n`));
      expect(spec()).toMatch(/"added"/);
      expect(clientTypes()).toMatch(/added: string\[\]/);
      expect(watch.output()).not.toMatch(/error TS/);
    } finally {
      watch.stop();
    }
  });
});

const oneAndTwo = `'use server';\nexport async function one(): Promise<number> { return 1; }\nexport async function two(): Promise<string> { return '2'; }\n`;
const onlyOne = `'use server';\nexport async function one(): Promise<number> { return 1; }\n`;
const usesOne = `import { one } from './generated/client/actions.js';\nexport const first: Promise<number> = one();\n`;
const usesTwo = `import { two } from './generated/client/actions.js';\nexport const second: Promise<string> = two();\n`;
const moreModule = `'use server';\nexport async function more(): Promise<number> { return 3; }\n`;
const usesMore = `import { more } from './generated/client/more.js';\nexport const third: Promise<number> = more();\n`;
/** A diagnostic located in a generated file (`src/generated/routes.ts(50,133): error TS7053`). */
const inGeneratedFile = /src\/generated\/\S+\(\d+,\d+\)/;

/**
 * Every cycle, including those that the watcher's own writes of generated files trigger, reports
 * the files as they are on disk: none reports an error of the generated files it just replaced.
 */
describe.each([
  { watcher: 'actionwire generate --watch', name: 'cli', build: (dir: string) => actionwireCli(dir, ['generate']), args: [cliBin, 'generate', '--watch'] },
  { watcher: 'tspc --watch', name: 'tspc', build: (dir: string) => tspc(dir), args: [tspcBin, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'] },
])('$watcher, generated files replaced in a cycle', ({ name, build, args }) => {
  it('removing an action reports nothing in the old routes.ts, and a real error where it is', async () => {
    const dir = writeProject(`watch-remove-${name}`, { 'src/actions.ts': oneAndTwo, 'src/use.ts': usesOne });
    expect(build(dir).status).toBe(0);
    const watch = new WatchProcess(args, dir);
    try {
      await waitFor(() => watch.output(), /Found 0 errors/, 'the first cycle');
      const removal = await watch.settleAfter(() => writeFileSync(join(dir, 'src', 'actions.ts'), onlyOne));
      expect(removal).not.toMatch(/error TS/);
      expect(readFileSync(join(dir, 'src', 'generated', 'routes.ts'), 'utf8')).not.toMatch(/"two"/);

      const real = await watch.settleAfter(() => writeFileSync(join(dir, 'src', 'use.ts'), usesTwo));
      expect(real).toMatch(/src\/use\.ts\(1,10\): error TS2305/);
      expect(real).not.toMatch(inGeneratedFile);
      const fixed = await watch.settleAfter(() => writeFileSync(join(dir, 'src', 'use.ts'), usesOne));
      expect(fixed).toMatch(/Found 0 errors\. Watching for file changes\.\s*$/);
    } finally {
      watch.stop();
    }
  });

  it('adding a module and importing its client in one edit reports no missing module, nor removing it a missing file', async () => {
    const dir = writeProject(`watch-add-${name}`, { 'src/actions.ts': onlyOne });
    expect(build(dir).status).toBe(0);
    const watch = new WatchProcess(args, dir);
    try {
      await waitFor(() => watch.output(), /Found 0 errors/, 'the first cycle');
      const added = await watch.settleAfter(() => {
        writeFileSync(join(dir, 'src', 'more.ts'), moreModule);
        writeFileSync(join(dir, 'src', 'use.ts'), usesMore);
      });
      expect(added).not.toMatch(/error TS/);
      expect(existsSync(join(dir, 'src', 'generated', 'client', 'more.d.ts'))).toBe(true);
      // both watchers put the new module's client script where the build's output is
      await waitFor(() => String(existsSync(join(dir, 'dist', 'generated', 'client', 'more.js'))), /true/, 'the client script in dist');

      const removed = await watch.settleAfter(() => {
        rmSync(join(dir, 'src', 'use.ts'));
        rmSync(join(dir, 'src', 'more.ts'));
      });
      expect(existsSync(join(dir, 'src', 'generated', 'client', 'more.d.ts'))).toBe(false);
      // tsc's watcher itself may report a deleted root file for a cycle (TS6053 for src/more.ts), never one of ours.
      expect(removed).not.toMatch(/generated\/[^']*' not found|Cannot find module/);
      expect(removed).not.toMatch(inGeneratedFile);
    } finally {
      watch.stop();
    }
  });
});
