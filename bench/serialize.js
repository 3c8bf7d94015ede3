import { timingLoop } from './lib/ops.js';
import { alternate, grouped, median, round } from './lib/stats.js';
import { fixtureRoute } from './lib/fixture-route.js';

/** The six-field row the action returns; the route sends `{id, name}`. */
const ROW = { id: 48213, name: 'Ada Lovelace', email: 'ada@example.com', age: 36, tags: ['math', 'engines', 'poetry'], requestId: '5f0c2a8e-1d2b-4c7a-9a57-2b0e0c1d9f3e' };

/** Our pruning serializer vs JSON.stringify of the unpruned row. */
export async function benchSerialize({ rounds, iterations, log }) {
  const route = await fixtureRoute('actions/createItem');
  // the first call compiles the action and puts its serializer in the definition, where the router reads it
  route.encode(ROW);
  const { encode } = route;
  log(`  ours: ${encode(ROW)}   JSON.stringify: ${JSON.stringify(ROW).length} characters`);
  const oursLoop = timingLoop(() => encode(ROW).length);
  const stringifyLoop = timingLoop(() => JSON.stringify(ROW).length);
  const samples = await alternate(rounds, { ours: () => oursLoop(iterations), stringify: () => stringifyLoop(iterations) });
  const ours = median(samples.ours);
  const stringify = median(samples.stringify);
  log(`  ours ${grouped(ours)} ops/s   JSON.stringify ${grouped(stringify)} ops/s`);
  return { 'serialize.ours.ops': Math.round(ours), 'serialize.stringify.ops': Math.round(stringify), 'serialize.ratio': round(ours / stringify) };
}
