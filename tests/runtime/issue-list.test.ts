import fc from 'fast-check';
import { cut, MAX_ISSUE_MESSAGE_CHARS, MAX_ISSUE_PATH_CHARS, MAX_PROBLEM_ANSWER_BYTES } from '../../runtime/server/problems/problem-bounds.js';
import { IssueList } from '../../runtime/server/problems/issue-list.js';

/** The list as the rule says, computed the plain way: every issue's exact UTF-8 JSON counted against the budget. */
function referenceList(issues: ReadonlyArray<[string, string]>, max: number): { listed: Array<{ path: string; message: string }>; omitted: number } {
  const budget = MAX_PROBLEM_ANSWER_BYTES - 1024;
  const listed: Array<{ path: string; message: string }> = [];
  let bytes = 0;
  let omitted = 0;
  let full = false;
  for (const [path, message] of issues) {
    const issue = { path: cut(path, MAX_ISSUE_PATH_CHARS), message: cut(message, MAX_ISSUE_MESSAGE_CHARS) };
    const size = Buffer.byteLength(JSON.stringify(issue)) + 1;
    if (full || listed.length >= max || bytes + size > budget) {
      if (listed.length < max && !full) full = true;
      omitted += 1;
      continue;
    }
    bytes += size;
    listed.push(issue);
  }
  return { listed, omitted };
}

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '"', '\\', 'é', '€', '\ud83d\ude00', '\ud800', 'a'), maxLength: 1200 }),
);

describe('IssueList (the 400 answer’s problems, within a byte budget)', () => {
  it('lists exactly the issues an exact byte count per issue would list, and counts the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 120 }), fc.integer({ min: 1, max: 200 }), (issues, max) => {
        const list = new IssueList(max);
        for (const [path, message] of issues) list.add(path, message);
        const expected = referenceList(issues, max);
        expect({ listed: list.list, omitted: list.omitted }).toEqual(expected);
        expect(Buffer.byteLength(JSON.stringify(list.list))).toBeLessThanOrEqual(MAX_PROBLEM_ANSWER_BYTES - 1024);
      }),
      { numRuns: 300 },
    );
  });
});
