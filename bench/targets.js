/**
 * The targets the issues set on the bench's keys: what a full run is checked against when it writes BENCHMARKS.md.
 * `at most` / `at least` the value; `report` keys have no target and are listed for comparison.
 */
export const TARGETS = [
  { key: 'http.ratio', atLeast: 1.2, what: 'generated route ÷ hand-written Koa route (requests/s)' },
  { key: 'http.hono_ratio', atLeast: 1.0, what: 'generated route ÷ Hono + zod' },
  { key: 'compile.ratio.time_over_tspc', atMost: 1.25, what: '200 actions: tspc + plugin ÷ tspc alone' },
  { key: 'compile.ratio.time', atMost: 1.6, what: '200 actions: tspc + plugin ÷ tsc' },
  { key: 'compile.2000.ratio.time_over_tspc', atMost: 1.25, what: '2,000 actions: tspc + plugin ÷ tspc alone' },
  { key: 'compile.2000.ratio.time', atMost: 1.6, what: '2,000 actions: tspc + plugin ÷ tsc' },
  { key: 'compile.2000.ratio.rss', atMost: 1.5, what: '2,000 actions: peak RSS, tspc + plugin ÷ tsc' },
  { key: 'compile.2000.varied.ratio.time', atMost: 1.6, what: '2,000 varied actions: tspc + plugin ÷ tsc 6' },
  { key: 'compile7.2000.ratio.time', atMost: 2.0, what: '2,000 varied actions: actionwire generate + tsc 7 ÷ tsc 7' },
  { key: 'compile7.2000.ratio.rss', atMost: 1.5, what: '2,000 varied actions: peak RSS of both processes ÷ tsc 7' },
  { key: 'generate.ratio', atMost: 1.0, what: 'actionwire generate ÷ tsc --noEmit, 2,000 actions' },
  { key: 'watch.ratio', atMost: 1.5, what: 'tspc --watch + plugin rebuild ÷ tsc --watch rebuild' },
  { key: 'startup.ratio', atMost: 2.0, what: 'server start-up, 2,000 actions ÷ hand-written routes' },
  { key: 'startup.rss_ratio', atMost: 2.0, what: 'server RSS after start-up ÷ hand-written routes' },
  { key: 'http.orpc_ratio', what: 'generated route ÷ oRPC (report)' },
  { key: 'stream.ratio', what: 'stream items/s ÷ oRPC event iterator (report)' },
];
