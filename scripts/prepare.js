// npm's `prepare`: in a clone, link the package to itself; when npm packs this checkout as a git
// dependency (it sets npm_package_resolved to the checkout), build dist/ and leave the package.json users install.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripForGood } from './installed-manifest.js';
import { linkSelf } from './link-self.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
linkSelf();

const packedAs = process.env.npm_package_resolved;
if (packedAs && realpathSync(packedAs) === realpathSync(root)) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  stripForGood();
}
