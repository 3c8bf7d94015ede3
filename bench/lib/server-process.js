import { spawn } from 'node:child_process';

/** Starts `script` in its own Node process and resolves once it prints the URL it listens on. */
export function startServer(script, env = {}) {
  const child = spawn(process.execPath, [script], { env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${script} did not start within 20 s:\n${output}`)), 20_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        pid: child.pid,
        stop: () => new Promise((done) => {
          child.once('exit', done);
          child.kill();
        }),
      });
    });
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}
