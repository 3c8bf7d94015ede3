import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** `wrk` when it is installed (lighter on a 2-core machine), otherwise autocannon from npm. */
export const loadGenerator = spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';

/**
 * POSTs `body` to `url` from `connections` keep-alive connections for `seconds`.
 * Resolves to requests per second, p50 and p99 latency in milliseconds, and the count of non-2xx answers.
 */
export function postLoad({ url, body, headers, seconds, connections }) {
  return loadGenerator === 'wrk' ? withWrk(url, body, headers, seconds, connections) : withAutocannon(url, body, headers, seconds, connections);
}

async function withAutocannon(url, body, headers, seconds, connections) {
  const result = await autocannon({ url, method: 'POST', body, headers, duration: seconds, connections });
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, failures: result.non2xx + result.errors };
}

async function withWrk(url, body, headers, seconds, connections) {
  const directory = mkdtempSync(join(tmpdir(), 'actionwire-wrk-'));
  const script = join(directory, 'post.lua');
  writeFileSync(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\n`);
  const headerArguments = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  try {
    const output = await run('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, ...headerArguments, url]);
    return parseWrk(output);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}:\n${output}`))));
  });
}

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function latencyMs(output, percentile) {
  const match = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
  if (!match) throw new Error(`wrk printed no ${percentile}% latency:\n${output}`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

function parseWrk(output) {
  const rate = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  if (!rate) throw new Error(`wrk printed no request rate:\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0;
  return { requestsPerSecond: Number(rate[1]), p50Ms: latencyMs(output, 50), p99Ms: latencyMs(output, 99), failures: non2xx + errors };
}
