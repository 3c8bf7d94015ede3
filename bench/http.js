import { join } from 'node:path';
import { alternate, grouped, median, round } from './lib/stats.js';
import { loadGenerator, postLoad } from './lib/load.js';
import { startServer } from './lib/server-process.js';
import { fixtureOutput } from './paths.js';

const BODY = JSON.stringify({ input: { name: 'Ada Lovelace', email: 'ada@example.com', age: 36, tags: ['math', 'engines', 'poetry'] } });
const ROUTE = '/actions/actions/createItem';

/** Generated action route (origin check, validation, context, pruning) vs a hand-written Koa + @koa/bodyparser route. */
export async function benchHttp({ rounds, seconds, connections, log }) {
  const servers = {
    generated: await startServer(join(fixtureOutput, 'generated-server.js')),
    raw: await startServer(join(fixtureOutput, 'raw-server.js')),
  };
  try {
    const loadFor = (name, duration) => {
      const { url } = servers[name];
      const headers = { 'content-type': 'application/json', origin: url, 'x-request-id': 'bench' };
      return postLoad({ url: url + ROUTE, body: BODY, headers, seconds: duration, connections });
    };
    log(`  load generator: ${loadGenerator}, ${connections} connections, ${seconds} s per side, ${rounds} rounds`);
    const warmUpSeconds = Math.max(2, Math.round(seconds / 2));
    const side = (name) => async (round) => (round < 0 ? loadFor(name, warmUpSeconds) : report(name, await loadFor(name, seconds), log));
    const samples = await alternate(rounds, { generated: side('generated'), raw: side('raw') });
    const figure = (name, key) => median(samples[name].map((sample) => sample[key]));
    const figures = {
      'http.generated.rps': Math.round(figure('generated', 'requestsPerSecond')),
      'http.raw.rps': Math.round(figure('raw', 'requestsPerSecond')),
      'http.generated.p50_ms': round(figure('generated', 'p50Ms')),
      'http.generated.p99_ms': round(figure('generated', 'p99Ms')),
      'http.raw.p50_ms': round(figure('raw', 'p50Ms')),
      'http.raw.p99_ms': round(figure('raw', 'p99Ms')),
    };
    figures['http.ratio'] = round(figures['http.generated.rps'] / figures['http.raw.rps']);
    return figures;
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

function report(name, result, log) {
  if (result.failures > 0) throw new Error(`${name}: ${result.failures} requests failed or were not 2xx`);
  log(`  ${name.padEnd(9)} ${grouped(result.requestsPerSecond).padStart(7)} req/s   p50 ${round(result.p50Ms)} ms   p99 ${round(result.p99Ms)} ms`);
  return result;
}
