import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticProject } from './lib/synthetic-project.js';
import { startServer } from './lib/server-process.js';
import { tspc } from './lib/tspc.js';
import { alternate, median, round } from './lib/stats.js';
import { scratchDirectory } from './paths.js';

const ACTIONS = 2000;
const ACTIONS_PER_FILE = 10;
// The last action of the last file: @koa/router tries its layers in order, so the hand-written app pays its full route list.
const ROUTE = `/actions/module${ACTIONS / ACTIONS_PER_FILE - 1}/action${ACTIONS_PER_FILE - 1}`;
const BODY = JSON.stringify({ input: { name: 'Ada Lovelace', count: 3, active: true, tags: ['math', 'engines'] } });
const MIB = 1024 * 1024;

// Both servers answer GET /__rss with their resident set size, before any route sees the request.
const PRELUDE = `import Koa from 'koa';

const app = new Koa();
app.use(async (ctx, next) => {
  if (ctx.method === 'GET' && ctx.path === '/__rss') ctx.body = String(process.memoryUsage().rss);
  else await next();
});
`;
const LISTEN = `const server = app.listen(0, '127.0.0.1', () => console.log(\`listening on http://127.0.0.1:\${server.address().port}/\`));\n`;

function actionwireServer() {
  return `${PRELUDE}import { createActionRouter } from '../dist-plugin/generated/routes.js';

const router = createActionRouter();
app.use(router.routes()).use(router.allowedMethods());
${LISTEN}`;
}

/** What a user would write by hand: one `router.post` per action, calling the same compiled action, body trusted. */
function koaServer() {
  const files = ACTIONS / ACTIONS_PER_FILE;
  const imports = Array.from({ length: files }, (_, file) => `import * as m${file} from '../dist-plugin/module${file}.js';`);
  const routes = Array.from({ length: files }, (_, file) =>
    Array.from({ length: ACTIONS_PER_FILE }, (_, index) =>
      `router.post('/actions/module${file}/action${index}', async (ctx) => {\n  ctx.body = await m${file}.action${index}(ctx.request.body.input);\n});`,
    ).join('\n'),
  );
  return `${PRELUDE}import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
${imports.join('\n')}

const router = new Router();
${routes.join('\n')}
app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
${LISTEN}`;
}

const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Spawn → "listening" → first 200 of one action (a real POST from here), then the server's RSS at that moment. */
async function startOnce(script) {
  const start = process.hrtime.bigint();
  const server = await startServer(script);
  try {
    const listenMs = elapsedMs(start);
    const response = await fetch(server.url + ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: BODY,
    });
    const text = await response.text();
    const ms = elapsedMs(start);
    if (response.status !== 200) throw new Error(`${script}: POST ${ROUTE} answered ${response.status}: ${text}`);
    const rssResponse = await fetch(server.url + '/__rss');
    const rssMiB = Number(await rssResponse.text()) / MIB;
    return { ms, listenMs, rssMiB };
  } finally {
    await server.stop();
  }
}

/** Start-up of the 2,000-action project's generated router on Koa vs a Koa + @koa/router app with 2,000 hand-written routes. */
export async function benchStartup({ rounds, log }) {
  const directory = join(scratchDirectory, `startup-${ACTIONS}`);
  writeSyntheticProject(directory, ACTIONS);
  tspc(join(directory, 'tsconfig.plugin.json'));
  mkdirSync(join(directory, 'servers'), { recursive: true });
  const scripts = { actionwire: join(directory, 'servers', 'actionwire.js'), koa: join(directory, 'servers', 'koa.js') };
  writeFileSync(scripts.actionwire, actionwireServer());
  writeFileSync(scripts.koa, koaServer());

  log(`  ${ACTIONS} actions, spawn → first 200 of POST ${ROUTE}, ${rounds} rounds`);
  const side = (name) => async (roundIndex) => {
    const sample = await startOnce(scripts[name]);
    if (roundIndex >= 0) {
      log(`  ${name.padEnd(10)} ${Math.round(sample.ms)} ms (listening after ${Math.round(sample.listenMs)} ms)   ${Math.round(sample.rssMiB)} MiB`);
    }
    return sample;
  };
  const samples = await alternate(rounds, { actionwire: side('actionwire'), koa: side('koa') });
  const figure = (name, key) => median(samples[name].map((sample) => sample[key]));
  const figures = {
    'startup.ms': Math.round(figure('actionwire', 'ms')),
    'startup.koa_ms': Math.round(figure('koa', 'ms')),
    'startup.listen_ms': Math.round(figure('actionwire', 'listenMs')),
    'startup.koa_listen_ms': Math.round(figure('koa', 'listenMs')),
    'startup.rss_mib': Math.round(figure('actionwire', 'rssMiB')),
    'startup.koa_rss_mib': Math.round(figure('koa', 'rssMiB')),
  };
  figures['startup.ratio'] = round(figure('actionwire', 'ms') / figure('koa', 'ms'));
  figures['startup.rss_ratio'] = round(figure('actionwire', 'rssMiB') / figure('koa', 'rssMiB'));
  return figures;
}
