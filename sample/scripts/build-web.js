// The sample's web page: compiles web/ in client mode (tsconfig.web.json), bundles it with esbuild into
// dist/public/app.js (served at /app.js), and prints what the actions cost in that bundle.
// Needs the server build first (tspc -p sample/tsconfig.json writes generated/client); `npm run sample` runs both.
import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const sample = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(sample, '..');
const tspc = join(root, 'node_modules', 'ts-patch', 'bin', 'tspc.js');
const compiled = join(sample, 'dist', 'web'); // tsconfig.web.json's outDir
const entry = join(compiled, 'web', 'main.js'); // web/main.tsx
const outfile = join(sample, 'dist', 'public', 'app.js');

console.log('$ tspc -p sample/tsconfig.web.json   ("mode": "client": web/*.ts, the \'use server\' modules they import emitted as stubs)');
const compile = spawnSync(process.execPath, [tspc, '-p', join(sample, 'tsconfig.web.json')], { stdio: 'inherit' });
if (compile.status !== 0) process.exit(compile.status ?? 1);

const options = { entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', define: { 'process.env.NODE_ENV': '"production"' }, write: false, metafile: true, logLevel: 'warning' };
const full = await build(options);
const bundle = full.outputFiles[0].contents;
mkdirSync(dirname(outfile), { recursive: true });
writeFileSync(outfile, bundle);
const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;
console.log(`$ esbuild sample/dist/web/web/main.js --bundle --minify → sample/dist/public/app.js: ${bundle.length} bytes, ${gzipped(bundle)} gzipped`);

// What the actions add: the same bundle with the stubs and actionwire/client replaced by empty functions of the
// same export names, so the page's own code stays and only the generated client, the runtime and ky go.
const clientRuntime = realpathSync(join(root, 'node_modules', 'actionwire', 'dist', 'runtime', 'client'));
const stubs = join(compiled, 'app') + sep;
const isReplaced = (path) => path.startsWith(stubs) || path === join(clientRuntime, 'index.js') || path === join(clientRuntime, 'internal.js');
const exportsOf = async (path) => {
  const alone = await build({ entryPoints: [path], bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
  return Object.values(alone.metafile.outputs)[0].exports;
};
const emptied = {
  name: 'without-actions',
  setup(builder) {
    builder.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      if (!isReplaced(path)) return undefined;
      const names = await exportsOf(path);
      return { contents: `const f = function () {};\nexport { ${names.map((name) => `f as ${JSON.stringify(name)}`).join(', ')} };\n`, loader: 'js' };
    });
  },
};
const without = (await build({ ...options, plugins: [emptied] })).outputFiles[0].contents;

// the minified bytes of each part, by the input they came from (esbuild's metafile)
const parts = { 'stubs and generated client': 0, 'actionwire/client': 0, ky: 0, page: 0 };
for (const [input, { bytesInOutput }] of Object.entries(Object.values(full.metafile.outputs)[0].inputs)) {
  const path = join(process.cwd(), input);
  if (path.startsWith(compiled + sep + 'web' + sep)) parts.page += bytesInOutput;
  else if (path.startsWith(compiled + sep)) parts['stubs and generated client'] += bytesInOutput;
  else if (path.startsWith(clientRuntime + sep)) parts['actionwire/client'] += bytesInOutput;
  else if (path.includes(`${sep}node_modules${sep}ky${sep}`)) parts.ky += bytesInOutput;
  else parts.page += bytesInOutput;
}
console.log(
  `the actions cost the page ${bundle.length - without.length} bytes minified, ${gzipped(bundle) - gzipped(without)} gzipped ` +
    `(generated stubs ${parts['stubs and generated client']} + actionwire/client ${parts['actionwire/client']} + ky ${parts.ky} minified; the page's own code ${parts.page})`,
);
console.log(`  counted: this bundle minus the same bundle with ${relative(sample, stubs)}/* (the stubs) and actionwire/client replaced by empty functions`);
