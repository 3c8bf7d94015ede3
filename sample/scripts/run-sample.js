// `npm run sample`: compiles the sample with tspc (which also generates its API), then runs it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sample = join(dirname(fileURLToPath(import.meta.url)), '..');
const tspc = join(sample, '..', 'node_modules', 'ts-patch', 'bin', 'tspc.js');

console.log('$ tspc -p sample/tsconfig.json');
const compile = spawnSync(process.execPath, [tspc, '-p', join(sample, 'tsconfig.json')], { stdio: 'inherit' });
if (compile.status !== 0) process.exit(compile.status ?? 1);
console.log('generated: sample/generated/openapi.json, routes.ts, client/*.ts');

console.log('$ node sample/dist/main.js');
const run = spawnSync(process.execPath, [join(sample, 'dist', 'main.js')], { stdio: 'inherit' });
process.exit(run.status ?? 1);
