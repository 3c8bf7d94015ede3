// The sample server with one extra route, GET /__probe, reporting what a fuzz run must not change:
// the prototypes of plain objects and arrays. Started by sample-fuzz.test.ts in its own process.
import { startServer } from '../../sample/dist/server.js';

const baseline = {
  object: Object.getOwnPropertyNames(Object.prototype).sort().join(),
  array: Object.getOwnPropertyNames(Array.prototype).sort().join(),
};

const probe = async (ctx, next) => {
  if (ctx.path !== '/__probe') return next();
  ctx.body = {
    objectPrototypeChanged: Object.getOwnPropertyNames(Object.prototype).sort().join() !== baseline.object,
    arrayPrototypeChanged: Object.getOwnPropertyNames(Array.prototype).sort().join() !== baseline.array,
    plainObjectInherits: Object.keys(Object.getPrototypeOf({})).length,
  };
};

const running = await startServer(0, [probe]);
console.log(`listening on ${running.url}`);
