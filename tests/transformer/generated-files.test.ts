import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionwireCli, tspc, writeProject } from '../helpers/project.js';

const actions = `'use server';
/** Greets. */
export async function greet(name: string): Promise<{ text: string; at: Date }> {
  return { text: 'hi ' + name, at: new Date() };
}
`;

const GENERATED = ['openapi.json', 'openapi-document.ts', 'routes.ts', 'client/index.d.ts', 'client/index.js', 'client/_types.d.ts', 'client/actions.d.ts', 'client/actions.js'];

function snapshot(dir: string): Record<string, { text: string; mtimeMs: number }> {
  return Object.fromEntries(
    GENERATED.map((file) => {
      const path = join(dir, 'src', 'generated', file);
      return [file, { text: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs }];
    }),
  );
}

function age(dir: string): void {
  const past = new Date(Date.now() - 60_000);
  for (const file of GENERATED) {
    utimesSync(join(dir, 'src', 'generated', file), past, past);
  }
}

describe('generated files', () => {
  it('compile in the same tspc run on a fresh project, and are byte-identical and untouched on the next build', () => {
    const dir = writeProject('generated-files', { 'src/actions.ts': actions, 'src/use.ts': `import { greet } from './generated/client/actions.js';\nexport const pending = greet('x');\n` });
    const first = tspc(dir);
    expect(first.output).toBe('');
    expect(first.status).toBe(0);
    expect(statSync(join(dir, 'dist', 'generated', 'routes.js')).isFile()).toBe(true);
    // what the docs option serves from a dist/-only deployment
    expect(statSync(join(dir, 'dist', 'generated', 'openapi-document.js')).isFile()).toBe(true);
    expect(statSync(join(dir, 'dist', 'generated', 'client', 'actions.js')).isFile()).toBe(true);
    age(dir);
    const before = snapshot(dir);
    expect(tspc(dir).status).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports analysis problems and type errors on a rebuild that changes no generated file', () => {
    const broken = `${actions}\nexport async function later(when: () => void): Promise<void> {\n  when();\n}\n`;
    const dir = writeProject('generated-rebuild', { 'src/actions.ts': broken, 'src/use.ts': `import { greet } from './generated/client/actions.js';\nexport const pending = greet('x');\n` });
    const first = tspc(dir);
    expect(first.status).not.toBe(0);
    expect(first.output).toMatch(/src\/actions\.ts\(7,\d+\): error TS\d+: .*later/);
    age(dir);
    const before = snapshot(dir);
    const second = tspc(dir);
    expect(snapshot(dir)).toEqual(before);
    expect(second.output).toBe(first.output);
    writeFileSync(join(dir, 'src', 'use.ts'), `import { greet } from './generated/client/actions.js';\nexport const pending: number = greet('x');\n`);
    const third = tspc(dir);
    expect(snapshot(dir)).toEqual(before);
    expect(third.output).toMatch(/src\/use\.ts\(2,14\): error TS2322/);
    expect(third.output).toMatch(/later/);
  });

  it('rewrites only what changed, and removes the client of a module that is gone', () => {
    const dir = writeProject('generated-changes', { 'src/actions.ts': actions, 'src/other.ts': `'use server';\nexport async function ping(): Promise<void> {}\n` });
    expect(tspc(dir).status).toBe(0);
    age(dir);
    const before = snapshot(dir);
    writeFileSync(join(dir, 'src', 'other.ts'), `export const notAnActionModuleAnyMore = 1;\n`);
    expect(tspc(dir).status).toBe(0);
    const after = snapshot(dir);
    expect(after['client/actions.d.ts']).toEqual(before['client/actions.d.ts']);
    expect(after['client/actions.js']).toEqual(before['client/actions.js']);
    expect(after['client/_types.d.ts']).toEqual(before['client/_types.d.ts']);
    expect(after['openapi.json']?.text).not.toContain('ping');
    expect(after['openapi.json']?.mtimeMs).toBeGreaterThan(before['openapi.json']?.mtimeMs ?? 0);
    expect(() => statSync(join(dir, 'src', 'generated', 'client', 'other.d.ts'))).toThrow();
    expect(() => statSync(join(dir, 'src', 'generated', 'client', 'other.js'))).toThrow();
  });

  it('uses basePath and a custom generatedDir', () => {
    const dir = writeProject('generated-options', { 'src/actions.ts': actions }, { generatedDir: 'src/api', basePath: '/rpc/v1' });
    expect(tspc(dir).status).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'src', 'api', 'openapi.json'), 'utf8'));
    expect(Object.keys(spec.paths)).toEqual(['/rpc/v1/actions/greet']);
    expect(readFileSync(join(dir, 'src', 'api', 'client', 'actions.js'), 'utf8')).toContain('"/rpc/v1/actions/greet"');
    expect(readFileSync(join(dir, 'dist', 'api', 'client', 'actions.js'), 'utf8')).toContain('"/rpc/v1/actions/greet"');
  });
});

describe('actionwire generate', () => {
  it("writes the same files as tspc without compiling, the client's scripts to outDir, and --check tells stale from fresh", () => {
    const dir = writeProject('cli', { 'src/actions.ts': actions });
    const check = actionwireCli(dir, ['generate', '--check']);
    expect(check.status).toBe(1);
    expect(check.output).toMatch(/stale: .*openapi\.json/);

    const generated = actionwireCli(dir, ['generate', '-p', 'tsconfig.json']);
    expect(generated.status).toBe(0);
    expect(generated.output).toMatch(/actionwire: 1 actions; 8 files written/);
    // what the project's own compiler (TypeScript 7's tsc) does not emit: the scripts beside the .d.ts
    expect(readFileSync(join(dir, 'dist', 'generated', 'client', 'actions.js'), 'utf8')).toBe(readFileSync(join(dir, 'src', 'generated', 'client', 'actions.js'), 'utf8'));
    expect(() => statSync(join(dir, 'dist', 'generated', 'routes.js'))).toThrow();
    expect(actionwireCli(dir, ['generate', '--check']).status).toBe(0);

    const fromCli = snapshot(dir);
    expect(tspc(dir).status).toBe(0);
    expect(Object.fromEntries(Object.entries(snapshot(dir)).map(([file, { text }]) => [file, text]))).toEqual(
      Object.fromEntries(Object.entries(fromCli).map(([file, { text }]) => [file, text])),
    );

    writeFileSync(join(dir, 'src', 'actions.ts'), actions.replace('name: string', 'name: string, loud?: boolean'));
    expect(actionwireCli(dir, ['generate', '--check']).status).toBe(1);
  });

  it('reports analysis errors with file:line:col and exits 1', () => {
    const dir = writeProject('cli-errors', { 'src/actions.ts': `'use server';\nexport function sync() {}\n` });
    const result = actionwireCli(dir, ['generate']);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/src\/actions\.ts\(2,17\): error TS93001/);
  });

  it('explains its usage', () => {
    const dir = writeProject('cli-usage', { 'src/actions.ts': actions });
    const result = actionwireCli(dir, ['generate', '--frobnicate']);
    expect(result.status).toBe(2);
    expect(result.output).toMatch(/unknown option --frobnicate[\s\S]*usage: actionwire generate/);
  });
});
