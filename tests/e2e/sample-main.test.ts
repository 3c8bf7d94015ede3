import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../helpers/paths.js';

const run = promisify(execFile);

/** What `npm run sample` prints after its build: sample/dist/main.js, which starts its own server and calls it. */
let printed = '';
let warnings = '';

beforeAll(async () => {
  const { stdout, stderr } = await run(process.execPath, [join(repoRoot, 'sample', 'dist', 'main.js')], { env: { ...process.env, NODE_OPTIONS: '' }, timeout: 90_000 });
  printed = stdout;
  warnings = stderr;
}, 120_000);

describe('npm run sample (sample/main.ts through the generated client)', () => {
  it('runs to its end with no warning from Node', () => {
    expect(printed).toContain('To use the web page in a browser');
    expect(warnings).not.toMatch(/\(node:\d+\) \w*Warning/);
  });

  it('tells a declared error apart with ActionError.is(error, createUser) through safe()', () => {
    expect(printed).toMatch(/refused: 409 email-taken — grace@example\.com is taken/);
  });

  it('calls a typed form action with its fields as an object', () => {
    expect(printed).toMatch(/note #\d+ by Ada Admin: "Sent from the Node client"/);
  });

  it('reads a stream to its result, items revived, and leaves one early (the server sees the cancel)', () => {
    expect(printed).toMatch(/1\/20 posts 1–50 at \d{4}-\d\d-\d\dT[\d:.]+Z \(a Date\)/);
    expect(printed).toMatch(/20\/20 posts 951–1000/);
    expect(printed).toContain('done: 20 of 20 batches, finishedAt a Date');
    expect(printed).toContain('lastReindex() → {"state":"cancelled","indexed":3}');
  });
});
