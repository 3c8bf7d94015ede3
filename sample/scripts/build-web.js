// The sample's page script: `vite build` with sample/vite.config.ts (React, and actionwire/vite for the 'use server'
// modules the components import) into dist/public/app.js, served at /app.js. Needs the server build first
// (tspc -p sample/tsconfig.json writes generated/client); `npm run sample` runs both.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const sample = join(dirname(fileURLToPath(import.meta.url)), '..');

console.log('$ vite build   (sample/vite.config.ts: web/main.tsx, the \'use server\' modules it reaches bundled as client stubs)');
await build({ root: sample, configFile: join(sample, 'vite.config.ts'), logLevel: 'warn' });
const bundle = readFileSync(join(sample, 'dist', 'public', 'app.js'));
console.log(`  → sample/dist/public/app.js: ${bundle.length} bytes, ${gzipSync(bundle, { level: 9 }).length} gzipped (React, the components, the generated client, ky)`);
