// Links this package into its own node_modules, so the sample, the test fixtures and ts-patch
// resolve `actionwire/*` exactly as they would in a user's project.
import { lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function linkSelf() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const link = join(root, 'node_modules', 'actionwire');
  mkdirSync(dirname(link), { recursive: true });
  try {
    if (lstatSync(link).isSymbolicLink()) rmSync(link);
  } catch {
    // not there yet
  }
  symlinkSync('..', link, 'dir');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) linkSelf();
