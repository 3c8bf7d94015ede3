import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliBin, tspcBin } from '../helpers/paths.js';
import { writeProject } from '../helpers/project.js';

function waitFor(read: () => string, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = (): void => {
      if (pattern.test(read())) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}; output so far:\n${read()}`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

describe('actionwire generate --watch', () => {
  it('regenerates when a server module changes, reports errors, and recovers', async () => {
    const dir = writeProject('watch', { 'src/actions.ts': `'use server';\nexport async function one(): Promise<number> { return 1; }\n` });
    const child = spawn(process.execPath, [cliBin, 'generate', '--watch'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const spec = (): string => {
      try {
        return readFileSync(join(dir, 'src', 'generated', 'openapi.json'), 'utf8');
      } catch {
        return '';
      }
    };
    try {
      await waitFor(spec, /\/actions\/actions\/one/, 'the first generation');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<number> { return 1; }\nexport async function two(): Promise<string> { return '2'; }\n`);
      await waitFor(spec, /\/actions\/actions\/two/, 'the new action to appear');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport function broken() {}\n`);
      await waitFor(() => output, /src\/actions\.ts\(2,17\): error TS93001/, 'the diagnostic');
      expect(spec()).toMatch(/\/actions\/actions\/two/);
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function three(): Promise<void> {}\n`);
      await waitFor(spec, /\/actions\/actions\/three/, 'recovery');
      expect(spec()).not.toMatch(/\/actions\/actions\/one/);
    } finally {
      child.kill();
    }
  });
});

describe('tspc --watch with the plugin', () => {
  it('compiles, reports a broken action, and clears the error when it is fixed', async () => {
    const dir = writeProject('tspc-watch', { 'src/actions.ts': `'use server';\nexport async function one(): Promise<number> { return 1; }\n` });
    const child = spawn(process.execPath, [tspcBin, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const compiled = (): string => {
      try {
        return readFileSync(join(dir, 'dist', 'generated', 'client', 'actions.js'), 'utf8');
      } catch {
        return '';
      }
    };
    try {
      await waitFor(() => output, /Found 0 errors/, 'the first build');
      expect(compiled()).toMatch(/\/actions\/actions\/one/);
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function one(): Promise<number> { return 1; }\nexport function bad() {}\n`);
      await waitFor(() => output, /src\/actions\.ts\(3,17\): error TS93001[\s\S]*Found 1 error/, 'the diagnostic');
      writeFileSync(join(dir, 'src', 'actions.ts'), `'use server';\nexport async function two(): Promise<string> { return ''; }\n`);
      await waitFor(compiled, /\/actions\/actions\/two/, 'the fixed build');
      expect(output).not.toMatch(/Debug Failure|Error:/);
    } finally {
      child.kill();
    }
  });
});
