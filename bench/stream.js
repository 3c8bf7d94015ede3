import { join } from 'node:path';
import { EventStreamParser } from '../dist/runtime/client/sse-parser.js';
import { alternate, grouped, median, round } from './lib/stats.js';
import { startServer } from './lib/server-process.js';
import { fixtureOutput } from './paths.js';

const ROUTE = '/actions/stream-actions/ticks';

/**
 * A stream's throughput: `ticks(count)` (an async generator of `{ n, label, at: Date }`) as the generated route streams
 * it, against the same generator as an oRPC procedure (its event iterator over SSE, OpenAPIHandler), each in its own
 * process. One request per round reads the whole stream with the same client (fetch, actionwire's SSE parser, JSON.parse
 * of each item), so both sides pay the same reading cost; items per second from the request to the `done` event.
 */
export async function benchStream({ rounds, count, log }) {
  const scripts = { generated: join(fixtureOutput, 'generated-server.js'), orpc: join(fixtureOutput, 'orpc-stream-server.js') };
  const servers = {};
  try {
    for (const [name, script] of Object.entries(scripts)) servers[name] = await startServer(script);
    const side = (name) => async (round) => {
      const { items, seconds } = await readStream(servers[name].url + ROUTE, count);
      if (items !== count) throw new Error(`${name}: ${items} items of ${count}`);
      const perSecond = items / seconds;
      if (round >= 0) log(`  ${name.padEnd(9)} ${grouped(perSecond).padStart(9)} items/s   (${count} items in ${round3(seconds)} s)`);
      return perSecond;
    };
    log(`  ${count} items per stream, ${rounds} rounds`);
    const samples = await alternate(rounds, { generated: side('generated'), orpc: side('orpc') });
    const figures = {
      'stream.items_per_s': Math.round(median(samples.generated)),
      'stream.orpc_items_per_s': Math.round(median(samples.orpc)),
    };
    figures['stream.ratio'] = round(figures['stream.items_per_s'] / figures['stream.orpc_items_per_s']);
    return figures;
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

function round3(value) {
  return round(value, 3);
}

/** Reads one stream to its `done` event; how many items came, and how long it took. */
async function readStream(url, count) {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ count }) });
  if (!response.ok || response.body === null) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  const parser = new EventStreamParser();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let items = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`${url}: the stream ended before done after ${items} items`);
    for (const event of parser.feed(value)) {
      if (event.event === 'message') {
        JSON.parse(event.data);
        items++;
      } else if (event.event === 'done') {
        await reader.cancel();
        return { items, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
      } else {
        throw new Error(`${url}: event ${event.event}: ${event.data}`);
      }
    }
  }
}
