import type { Issue } from './problem.js';

/**
 * The problems of one call's arguments: the first `max` with their JSON Pointers, the rest only
 * counted, so a large bad body never makes a larger answer.
 */
export class IssueList {
  readonly list: Issue[] = [];
  omitted = 0;

  constructor(readonly max: number) {}

  add(path: string, message: string): void {
    if (this.list.length < this.max) this.list.push({ path, message });
    else this.omitted += 1;
  }

  get count(): number {
    return this.list.length + this.omitted;
  }
}
