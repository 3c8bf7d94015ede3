// The package.json users install is the repository's without its scripts and devDependencies: a `prepare`
// left in it makes npm warn on every install from a tarball or git ("install scripts not yet covered by
// allowScripts"), and the other scripts only work in a clone.
//
//   node scripts/installed-manifest.js strip     (prepack) keeps the repository's file beside it, writes the installed one
//   node scripts/installed-manifest.js restore   (postpack) puts the repository's file back
//   node scripts/installed-manifest.js print     prints the installed one, changing nothing (the tests pack with it)
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const kept = join(root, '.package.repository.json');

/** The repository's package.json → the one users install. */
function installedManifest(repository) {
  const { scripts: _scripts, devDependencies: _devDependencies, ...installed } = repository;
  return installed;
}

/** The text of the package.json users install, from the repository's `text`. */
function installedText(text) {
  return `${JSON.stringify(installedManifest(JSON.parse(text)), null, 2)}\n`;
}

export function strip() {
  if (existsSync(kept)) throw new Error(`${kept} exists: a pack was interrupted; run \`node scripts/installed-manifest.js restore\` first`);
  const text = readFileSync(manifest, 'utf8');
  writeFileSync(kept, text);
  writeFileSync(manifest, installedText(text));
}

export function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

/** For a git dependency: npm packs the clone once prepared, and the clone is thrown away after. */
export function stripForGood() {
  writeFileSync(manifest, installedText(readFileSync(manifest, 'utf8')));
}

const command = process.argv[2];
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (command === 'strip') strip();
  else if (command === 'restore') restore();
  else if (command === 'print') process.stdout.write(installedText(readFileSync(manifest, 'utf8')));
  else {
    console.error('usage: node scripts/installed-manifest.js strip|restore|print');
    process.exitCode = 2;
  }
}
