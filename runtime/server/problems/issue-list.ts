import { cut, MAX_ISSUE_MESSAGE_CHARS, MAX_ISSUE_PATH_CHARS, MAX_PROBLEM_ANSWER_BYTES } from './problem-bounds.js';
import { problem, type Issue, type Problem } from './problem.js';

/** What the answer's other members (type, title, status, detail, code, omittedErrors) may take of MAX_PROBLEM_ANSWER_BYTES. */
const ENVELOPE_BYTES = 1024;

const ISSUES_BUDGET = MAX_PROBLEM_ANSWER_BYTES - ENVELOPE_BYTES;

/** `{"path":"","message":""}` and the comma before it. */
const ISSUE_FRAME_BYTES = 25;

/** An issue's UTF-8 JSON with the comma before it. */
function exactBytes(issue: Issue): number {
  return Buffer.byteLength(JSON.stringify(issue)) + 1;
}

/** At most the bytes of `exactBytes(issue)`: JSON writes no UTF-16 unit in more than 6 bytes (`\u001f`). */
function boundedBytes(issue: Issue): number {
  return ISSUE_FRAME_BYTES + 6 * (issue.path.length + issue.message.length);
}

/**
 * The problems of one call's arguments: the first `max` with their JSON Pointers, the rest only
 * counted, so a large bad body never makes a larger answer. Paths and messages are cut to fixed
 * lengths, and the list stops where it would take the answer past MAX_PROBLEM_ANSWER_BYTES.
 */
export class IssueList {
  omitted = 0;
  // allocated on the first problem: most calls have none
  private items: Issue[] | undefined;
  /** the listed issues' bytes: a bound of them until the bound could pass the budget, then exact (the same issues are listed either way) */
  private bytes = 0;
  private exact = false;
  private full = false;

  constructor(readonly max: number) {}

  add(path: string, message: string): void {
    this.items ??= [];
    if (this.full || this.items.length >= this.max) {
      this.omitted += 1;
      return;
    }
    const issue = { path: cut(path, MAX_ISSUE_PATH_CHARS), message: cut(message, MAX_ISSUE_MESSAGE_CHARS) };
    if (!this.exact) {
      const bound = boundedBytes(issue);
      if (this.bytes + bound <= ISSUES_BUDGET) {
        this.bytes += bound;
        this.items.push(issue);
        return;
      }
      this.exact = true;
      this.bytes = this.items.reduce((sum, listed) => sum + exactBytes(listed), 0);
    }
    const size = exactBytes(issue);
    if (this.bytes + size > ISSUES_BUDGET) {
      this.full = true;
      this.omitted += 1;
      return;
    }
    this.bytes += size;
    this.items.push(issue);
  }

  get list(): readonly Issue[] {
    return this.items ?? [];
  }

  get count(): number {
    return (this.items?.length ?? 0) + this.omitted;
  }

  /** The 400 answer listing these problems, with the count of those left out. */
  problem(detail: string, fields: Partial<Problem> = {}): Problem {
    const omitted = this.omitted > 0 ? { omittedErrors: this.omitted } : {};
    return problem(400, { detail, errors: this.list, ...omitted, ...fields });
  }
}
