// The sample server as `node sample/dist/server.js` starts it (serve), with one extra route, POST /__float,
// that starts work and forgets it: a promise rejected while nothing awaits it. Started by
// unhandled-rejections.test.ts in its own process.
import { serve } from '../../sample/dist/server.js';

const floating = async (ctx, next) => {
  if (ctx.path !== '/__float') return next();
  Promise.reject(new Error('the forgotten email could not be sent'));
  ctx.status = 202;
};

await serve(0, [floating]);
