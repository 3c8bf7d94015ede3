import { problem, type Issue, type Problem } from './problem.js';

/**
 * The problems of one call's arguments: the first `max` with their JSON Pointers, the rest only
 * counted, so a large bad body never makes a larger answer.
 */
export class IssueList {
  omitted = 0;
  // allocated on the first problem: most calls have none
  private items: Issue[] | undefined;

  constructor(readonly max: number) {}

  add(path: string, message: string): void {
    this.items ??= [];
    if (this.items.length < this.max) this.items.push({ path, message });
    else this.omitted += 1;
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
