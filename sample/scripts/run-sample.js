// `npm run sample`: compiles the sample with tspc (which also generates its API), builds its web page in client
// mode, then runs it. `npm run sample:serve` (`--serve`) builds the same and keeps the server running on PORT (3000).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sample = join(dirname(fileURLToPath(import.meta.url)), '..');
const tspc = join(sample, '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js');
const serve = process.argv.includes('--serve');

console.log('$ tspc -p sample/tsconfig.json');
const compile = spawnSync(process.execPath, [tspc, '-p', join(sample, 'tsconfig.json')], { stdio: 'inherit' });
if (compile.status !== 0) process.exit(compile.status ?? 1);
console.log('generated: sample/generated/openapi.json, routes.ts, client/*.d.ts + *.js');

const web = spawnSync(process.execPath, [join(sample, 'scripts', 'build-web.js')], { stdio: 'inherit' });
if (web.status !== 0) process.exit(web.status ?? 1);

const program = serve ? 'server.js' : 'main.js';
console.log(`$ node sample/dist/${program}`);
const run = spawnSync(process.execPath, [join(sample, 'dist', program)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
