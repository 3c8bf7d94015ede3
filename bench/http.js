import { join } from 'node:path';
import { alternate, grouped, median, round } from './lib/stats.js';
import { loadGenerator, postLoad } from './lib/load.js';
import { processCpuMicros } from './lib/process-cpu.js';
import { startServer } from './lib/server-process.js';
import { fixtureOutput } from './paths.js';

const BODY = JSON.stringify({ input: { name: 'Ada Lovelace', email: 'ada@example.com', age: 36, tags: ['math', 'engines', 'poetry'] } });
const ROUTE = '/actions/actions/createItem';

/**
 * Each side is `bench/fixture/src/<side>-server.ts`, in its own process: the generated action route (origin check,
 * validation, context, pruning), a hand-written Koa + @koa/bodyparser route, and the peers — Hono with
 * @hono/zod-validator and oRPC's OpenAPIHandler, both with the same Origin check and a strict zod schema.
 */
const SIDES = ['generated', 'raw', 'hono', 'orpc'];

/**
 * The four sides under the same load, alternating over `rounds`; the medians and ratios to the generated route.
 * `baseline`: the path of another build's `generated-server.js` (`--baseline=<commit>`), a fifth side.
 * Besides requests per second, each side's server CPU time (user + system) per request.
 */
export async function benchHttp({ rounds, seconds, connections, log, baseline }) {
  const servers = {};
  const scripts = Object.fromEntries(SIDES.map((name) => [name, join(fixtureOutput, `${name}-server.js`)]));
  if (baseline) scripts.baseline = baseline;
  const sides = Object.keys(scripts);
  try {
    for (const name of sides) servers[name] = await startServer(scripts[name]);
    const loadFor = async (name, duration) => {
      const { url, pid } = servers[name];
      const headers = { 'content-type': 'application/json', origin: url, 'x-request-id': 'bench' };
      const before = processCpuMicros(pid);
      const result = await postLoad({ url: url + ROUTE, body: BODY, headers, seconds: duration, connections });
      const after = processCpuMicros(pid);
      const requests = result.requestsPerSecond * duration;
      return { ...result, cpuMicrosPerRequest: before === undefined || after === undefined ? undefined : (after - before) / requests };
    };
    log(`  load generator: ${loadGenerator}, ${connections} connections, ${seconds} s per side, ${rounds} rounds`);
    const warmUpSeconds = Math.max(2, Math.round(seconds / 2));
    const side = (name) => async (round) => (round < 0 ? loadFor(name, warmUpSeconds) : report(name, await loadFor(name, seconds), log));
    const samples = await alternate(rounds, Object.fromEntries(sides.map((name) => [name, side(name)])));
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
    for (const peer of ['hono', 'orpc']) {
      figures[`http.${peer}.rps`] = Math.round(figure(peer, 'requestsPerSecond'));
      figures[`http.${peer}.p50_ms`] = round(figure(peer, 'p50Ms'));
      figures[`http.${peer}.p99_ms`] = round(figure(peer, 'p99Ms'));
      figures[`http.${peer}_ratio`] = round(figures['http.generated.rps'] / figures[`http.${peer}.rps`]);
    }
    if (baseline) {
      figures['http.baseline.rps'] = Math.round(figure('baseline', 'requestsPerSecond'));
      figures['http.baseline_ratio'] = round(figures['http.generated.rps'] / figures['http.baseline.rps']);
    }
    if (samples.generated.every((sample) => sample.cpuMicrosPerRequest !== undefined)) {
      for (const name of sides) figures[`http.${name}.cpu_us`] = round(figure(name, 'cpuMicrosPerRequest'), 1);
    }
    return figures;
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

function report(name, result, log) {
  if (result.failures > 0) throw new Error(`${name}: ${result.failures} requests failed or were not 2xx`);
  const cpu = result.cpuMicrosPerRequest === undefined ? '' : `   server CPU ${round(result.cpuMicrosPerRequest, 1)} µs/request`;
  log(`  ${name.padEnd(9)} ${grouped(result.requestsPerSecond).padStart(7)} req/s   p50 ${round(result.p50Ms)} ms   p99 ${round(result.p99Ms)} ms${cpu}`);
  return result;
}
