import { spawn, type ChildProcess } from 'node:child_process';

/** Polls `read` until its text matches `pattern` (60 s at most). */
export function waitFor(read: () => string, pattern: RegExp, what: string): Promise<void> {
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

/** The end of a watch cycle, as tsc's watcher prints it. */
const CYCLE_END = /Found \d+ errors?\. Watching for file changes\./;

/** A watcher (`actionwire generate --watch`, `tspc --watch`) run as a child process, its output collected. */
export class WatchProcess {
  private readonly child: ChildProcess;
  private text = '';

  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
  }

  /** Everything printed so far. */
  output(): string {
    return this.text;
  }

  /**
   * Runs `change` (file edits), waits for a watch cycle to end after it and then for the watcher to
   * fall quiet (the cycles that its own writes of generated files trigger included); returns what
   * it printed since the edit.
   */
  async settleAfter(change: () => void, quietMs = 1500): Promise<string> {
    const start = this.text.length;
    change();
    const since = (): string => this.text.slice(start);
    const idle = new RegExp(`${CYCLE_END.source}\\s*$`);
    const deadline = Date.now() + 60_000;
    await waitFor(since, CYCLE_END, 'a watch cycle after the change');
    for (let seen = since(); Date.now() < deadline; seen = since()) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (since() === seen && idle.test(seen)) return seen;
    }
    throw new Error(`the watcher did not fall quiet; output since the change:\n${since()}`);
  }

  stop(): void {
    this.child.kill();
  }
}
