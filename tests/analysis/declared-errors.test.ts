import { join } from 'node:path';
import type { Action } from '../../model/model.js';
import { MAX_CALL_DEPTH } from '../../transformer/analysis/errors/thrown-errors.js';
import { analyzeOnTypeScript6, analyzeOnTypeScript7, type AnalysisOutcome } from '../helpers/both-analyses.js';
import { writeProject } from '../helpers/project.js';

/** A chain of functions, each calling the next; the last throws a 418. */
function callChain(length: number): string {
  const functions = Array.from({ length }, (_, index) =>
    index === length - 1 ? `function step${index}(): void {\n  throw new ActionError(418, 'deep', { code: 'deep' });\n}` : `function step${index}(): void {\n  step${index + 1}();\n}`,
  );
  return functions.join('\n');
}

const sources = {
  'src/lib/helpers.ts': `import { ActionError } from 'actionwire/server';
export const NOT_FOUND = 'no-such-item' as const;
export function requireItem(id: string): void {
  if (id === '') throw new ActionError(404, 'no item', { code: NOT_FOUND });
}
export function requireUser(id: string): void {
  if (id === 'nobody') throw new ActionError(401, 'sign in', { code: 'not-signed-in' });
  requireItem(id);
}
export const forbid = (): never => {
  throw new ActionError(403, 'no', { code: 'forbidden' });
};
export class Guard {
  check(): void {
    throw new ActionError(429, 'slow down');
  }
}
export function ping(): void {
  pong();
}
function pong(): void {
  if (Math.random() > 2) ping();
  throw new ActionError(409, 'loop', { code: 'cycle' });
}
export function computed(status: number): ActionError {
  return new ActionError(status, 'computed');
}
`,
  'node_modules/paylib/package.json': JSON.stringify({ name: 'paylib', type: 'module', types: './index.ts', exports: { '.': './index.ts' } }),
  // a package's function that reaches the project's ActionError: analysis stops at node_modules
  'node_modules/paylib/index.ts': `import { forbid } from '../../src/lib/helpers.js';
export function charge(): void {
  forbid();
}
`,
  'src/actions.ts': `'use server';
import { ActionError, mayThrow } from 'actionwire/server';
import { charge } from 'paylib';
import { computed, forbid, Guard, ping, requireItem, requireUser } from './lib/helpers.js';

export async function inBody(flag: boolean): Promise<void> {
  if (flag) throw new ActionError(422, 'bad', { code: 'bad-flag' });
  const status = flag ? (409 as const) : (410 as const);
  throw new ActionError(status, 'gone or taken', { code: flag ? 'taken' : 'gone' });
}
export async function calls(id: string): Promise<void> {
  requireItem(id);
}
export async function nested(id: string): Promise<void> {
  requireUser(id);
  forbid();
  new Guard().check();
}
export async function cycle(): Promise<void> {
  ping();
}
export async function deep(): Promise<void> {
  step0();
}
export async function tooDeep(): Promise<void> {
  step1000();
}
export async function computedStatus(status: number): Promise<void> {
  throw computed(status);
}
export async function declared(): Promise<void> {
  mayThrow<ActionError<402, 'card-declined'> | ActionError<503>>();
  charge();
  throw computed(500);
}
export async function serverError(): Promise<void> {
  throw new ActionError(500, 'down', { code: 'maintenance', expose: false });
}
export async function library(): Promise<void> {
  charge();
}
export async function computedCode(code: string): Promise<void> {
  throw new ActionError(400, 'computed code', { code });
}
export async function outer(): Promise<{ inner: () => Promise<void> }> {
  async function inner(): Promise<void> {
    'use server';
    throw new ActionError(418, 'teapot', { code: 'teapot' });
  }
  return { inner };
}
export async function none(): Promise<void> {}
${callChain(MAX_CALL_DEPTH)}
${callChain(MAX_CALL_DEPTH + 1).replace(/step(\d+)/g, (_, n: string) => `step${1000 + Number(n)}`)}
`,
};

function errorsOf(outcome: AnalysisOutcome): Record<string, Action['errors']> {
  return Object.fromEntries(outcome.model.actions.map((action) => [action.inline?.path ?? action.exportName, action.errors]));
}

describe('declared errors: the statuses and codes each action can answer with', () => {
  const tsconfig = join(writeProject('analysis-declared-errors', sources), 'tsconfig.json');
  let six: AnalysisOutcome;
  beforeAll(() => {
    six = analyzeOnTypeScript6(tsconfig);
  });

  it('reads literal statuses and codes from the checker, in the body and through called project functions', () => {
    expect(errorsOf(six)).toEqual({
      // a union status and a union code (the checker's literal types, not the syntax)
      inBody: [
        { status: 409, codes: ['gone', 'taken'] },
        { status: 410, codes: ['gone', 'taken'] },
        { status: 422, codes: ['bad-flag'] },
      ],
      // a code held in an `as const` constant of another module
      calls: [{ status: 404, codes: ['no-such-item'] }],
      // a function that calls another, an arrow function in a const, a method; a 429 without a code
      nested: [
        { status: 401, codes: ['not-signed-in'] },
        { status: 403, codes: ['forbidden'] },
        { status: 404, codes: ['no-such-item'] },
        { status: 429, codes: [], mayOmitCode: true },
      ],
      // ping → pong → ping: each function read once
      cycle: [{ status: 409, codes: ['cycle'] }],
      // the chain's last function is MAX_CALL_DEPTH calls away: found
      deep: [{ status: 418, codes: ['deep'] }],
      // one call further: past the bound, not followed
      tooDeep: undefined,
      computedStatus: undefined,
      // mayThrow's type argument; the library's throw is not followed; the computed 500 is covered by the declaration
      declared: [
        { status: 402, codes: ['card-declined'] },
        { status: 503, codes: [], mayOmitCode: true },
      ],
      serverError: [{ status: 500, codes: ['maintenance'] }],
      library: undefined,
      // a code that is no literal type: any code
      computedCode: [{ status: 400, codes: [], mayOmitCode: true, anyCode: true }],
      // a nested inline action's errors are its own
      outer: undefined,
      'outer.inner': [{ status: 418, codes: ['teapot'] }],
      none: undefined,
    });
  });

  it('warns, at the ActionError, about a status that is not a literal, naming the action and suggesting mayThrow', () => {
    expect(six.issues).toEqual([
      {
        file: expect.stringMatching(/src\/lib\/helpers\.ts$/),
        line: 26,
        column: 10,
        code: 'actionwire/computed-error-status',
        severity: 'warning',
        message: expect.stringMatching(/^Server action 'computedStatus' may throw this ActionError, whose status is not a literal type \(number\).*mayThrow<ActionError<status, 'code'>>\(\)/),
      },
    ]);
  });

  it('gives the same errors and warnings on TypeScript 7', async () => {
    const seven = await analyzeOnTypeScript7(tsconfig);
    expect(seven.model).toEqual(six.model);
    expect(seven.issues).toEqual(six.issues);
  });
});
