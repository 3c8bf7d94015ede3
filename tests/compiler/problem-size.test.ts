import fc from 'fast-check';
import type { TypeNode } from '../../model/model.js';
import { pointerToken } from '../../runtime/server/codec/decode-helpers.js';
import { IssueList } from '../../runtime/server/problems/issue-list.js';
import { DEFAULT_MAX_PROBLEMS } from '../../runtime/server/options.js';
import { CUT_MARKER, MAX_ISSUE_PATH_CHARS, MAX_KEY_TOKEN_CHARS, MAX_PROBLEM_ANSWER_BYTES } from '../../runtime/server/problems/problem-bounds.js';
import { compiledFunctions, identityAction, modelWith } from '../helpers/compiled-functions.js';

/**
 * A 400 answer stays under a fixed size whatever the body's keys (long, `~` and `/` that double when
 * escaped, any Unicode) and however deep they nest: through real generated validators.
 */
const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 150);
const SEED = process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261206 };

const longKey = fc
  .tuple(fc.constantFrom('/', '~', 'a', 'é', '😀', '"', '\u0001'), fc.integer({ min: 200, max: 100_000 }))
  .map(([piece, times]) => piece.repeat(times));
const key = fc.oneof(
  longKey,
  fc.string({ unit: fc.constantFrom('~', '/', 'ü', '😀', '\ud800', 'x'), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('__proto__', 'constructor', 'id'),
);

const types = fc.letrec<{ type: TypeNode }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<TypeNode>({ kind: 'number' }, { kind: 'string' }, { kind: 'unknown' }, { kind: 'date' }),
    tie('type').map((additional): TypeNode => ({ kind: 'object', properties: [], additional })),
    tie('type').map((items): TypeNode => ({ kind: 'array', items })),
    fc.tuple(key, tie('type')).map(([name, type]): TypeNode => ({ kind: 'object', properties: [{ name, type, optional: false }] })),
  ),
})).type;

const values = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>('x', 1, true, null),
    fc.array(tie('value'), { maxLength: 30 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;

function answerBytes(type: TypeNode, value: unknown, maxProblems: number): { bytes: number; longestPath: number } {
  const { decode } = compiledFunctions(modelWith([identityAction(type)]), identityAction(type));
  const issues = new IssueList(maxProblems);
  // what the router parses: own keys only, `__proto__` among them
  decode(JSON.parse(JSON.stringify({ value })), issues);
  const answer = JSON.stringify(issues.problem('The arguments do not match the action’s parameter types'));
  return { bytes: Buffer.byteLength(answer), longestPath: Math.max(0, ...issues.list.map((issue) => issue.path.length)) };
}

describe('the size of a 400 answer', () => {
  it(`is at most ${MAX_PROBLEM_ANSWER_BYTES} bytes whatever the keys and nesting, with any maxProblems`, () => {
    fc.assert(
      fc.property(types, values, fc.constantFrom(DEFAULT_MAX_PROBLEMS, 10_000), (type, value, maxProblems) => {
        const { bytes, longestPath } = answerBytes(type, value, maxProblems);
        expect(bytes).toBeLessThanOrEqual(MAX_PROBLEM_ANSWER_BYTES);
        expect(longestPath).toBeLessThanOrEqual(MAX_ISSUE_PATH_CHARS + CUT_MARKER.length);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('cuts a long key while its path is built, not after: the token is short whatever the key', () => {
    const token = pointerToken('/'.repeat(1_000_000));
    expect(token.length).toBe(2 * MAX_KEY_TOKEN_CHARS + CUT_MARKER.length);
    expect(token === '~1'.repeat(MAX_KEY_TOKEN_CHARS) + CUT_MARKER).toBe(true);
    expect(pointerToken('a~b/c')).toBe('a~0b~1c');
    // never half a surrogate pair
    expect(pointerToken('😀'.repeat(MAX_KEY_TOKEN_CHARS))).toBe('😀'.repeat(MAX_KEY_TOKEN_CHARS / 2) + CUT_MARKER);
  });
});
