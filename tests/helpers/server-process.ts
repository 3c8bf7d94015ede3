import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `node script` (this Node, or another binary) with PORT=0 and waits for it to print the http://127.0.0.1:port/ it listens on. */
export function startServerProcess(script: string, env: NodeJS.ProcessEnv = {}, node = process.execPath): Promise<ServerProcess> {
  const child: ChildProcess = spawn(node, [script], {
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
