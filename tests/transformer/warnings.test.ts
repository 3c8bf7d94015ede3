import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { actionwireCli, tspc, writeProject } from '../helpers/project.js';

const files = {
  'src/actions.ts': `'use server';\n// eslint-disable-next-line\nexport async function echo(value: any): Promise<string> { return String(value); }\n`,
  'src/late.ts': `export const x = 1;\n'use server';\n`,
  'src/typo.ts': `'use sever';\nexport const y = 2;\n`,
  'src/upstream.ts': `'use server';\nimport { ActionError } from 'actionwire/server';\nexport async function relay(status: number): Promise<void> {\n  throw new ActionError(status, 'upstream failed');\n}\n`,
};

const warningLines = [
  /src\/actions\.ts\(3,28\): warning TS93006: \[actionwire\/any-type\]/,
  /src\/late\.ts\(2,1\): warning TS93004: \[actionwire\/misplaced-directive\]/,
  /src\/typo\.ts\(1,1\): warning TS93005: \[actionwire\/misspelled-directive\]/,
  /src\/upstream\.ts\(4,9\): warning TS93018: \[actionwire\/computed-error-status\] Server action 'relay' may throw this ActionError, whose status is not a literal type \(number\).*mayThrow/,
];

describe('warnings never fail a build', () => {
  it('tspc prints them with file:line:col, exits 0 and emits, even with noEmitOnError', () => {
    const dir = writeProject('warnings', files, { noEmitOnError: true });
    const result = tspc(dir);
    for (const line of warningLines) expect(result.output).toMatch(line);
    expect(result.output.match(/warning TS930\d\d/g)).toHaveLength(4);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'dist', 'actions.js'))).toBe(true);
    expect(existsSync(join(dir, 'dist', 'generated', 'routes.js'))).toBe(true);
  });

  it('actionwire generate prints them and exits 0', () => {
    const dir = writeProject('warnings-cli', files);
    const result = actionwireCli(dir, ['generate']);
    for (const line of warningLines) expect(result.output).toMatch(line);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'src', 'generated', 'routes.ts'))).toBe(true);
  });
});

describe('"warningsAsErrors": true', () => {
  it('makes tspc fail and, with noEmitOnError, emit nothing', () => {
    const dir = writeProject('warnings-as-errors', files, { noEmitOnError: true, plugin: { warningsAsErrors: true } });
    const result = tspc(dir);
    expect(result.output).toMatch(/src\/actions\.ts\(3,28\): error TS93006: \[actionwire\/any-type\]/);
    expect(result.output).toMatch(/src\/late\.ts\(2,1\): error TS93004/);
    expect(result.output).not.toMatch(/warning TS/);
    expect(result.status).not.toBe(0);
    expect(existsSync(join(dir, 'dist', 'actions.js'))).toBe(false);
  });

  it('makes actionwire generate exit 1', () => {
    const dir = writeProject('warnings-as-errors-cli', files, { plugin: { warningsAsErrors: true } });
    const result = actionwireCli(dir, ['generate']);
    expect(result.output).toMatch(/error TS93006/);
    expect(result.status).toBe(1);
  });
});
