// The projects many test files start servers from (the sample with its web page, the type-family, hardened and
// inline fixtures), compiled once before any test runs: by `npm run test:types` (for `tsc -p tests`, which reads
// their generated clients) and by jest's globalSetup, which finds them current and compiles nothing. Test files
// never compile these projects themselves, so one worker's tspc cannot rewrite dist/ under another's server.
// Current means: the fingerprint (path, size, mtime) of the project's sources, its outputs and actionwire's dist/
// equals the one recorded after the last successful build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tspc = join(repoRoot, 'node_modules', 'ts-patch', 'bin', 'tspc.js');
const stampFile = join(repoRoot, 'tests', '.tmp', 'shared-builds.json');

/** Each project: its directory, and the commands that build it (node scripts, run from the repository root). */
const projects = [
  { dir: 'sample', commands: [[tspc, '-p', 'sample/tsconfig.json'], ['sample/scripts/build-web.js']] },
  { dir: 'tests/fixtures/types', commands: [[tspc, '-p', 'tests/fixtures/types/tsconfig.json']] },
  { dir: 'tests/fixtures/hardened', commands: [[tspc, '-p', 'tests/fixtures/hardened/tsconfig.json']] },
  { dir: 'tests/fixtures/inline', commands: [[tspc, '-p', 'tests/fixtures/inline/tsconfig.json']] },
];

const skipped = new Set(['node_modules', '.data']);

function filesBelow(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skipped.has(entry.name) ? [] : filesBelow(path);
    return entry.isFile() ? [path] : [];
  });
}

function fingerprint(project) {
  const hash = createHash('sha256');
  for (const path of [...filesBelow(join(repoRoot, project.dir)), ...filesBelow(join(repoRoot, 'dist'))].sort()) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(repoRoot, path)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function readStamps() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

/** Builds every project whose fingerprint changed since its last build; throws with the compiler's output on failure. */
export function buildSharedProjects({ log = () => {} } = {}) {
  const stamps = readStamps();
  for (const project of projects) {
    if (stamps[project.dir] === fingerprint(project)) continue;
    for (const args of project.commands) {
      log(`$ node ${args.map((arg) => relative(repoRoot, arg) || arg).join(' ')}`);
      const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`building ${project.dir} failed:\n${result.stdout}${result.stderr}`);
    }
    stamps[project.dir] = fingerprint(project);
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, `${JSON.stringify(stamps, null, 2)}\n`);
  }
}

/** jest's globalSetup: runs once, before any worker starts. */
export default function globalSetup() {
  buildSharedProjects({ log: (line) => process.stdout.write(`${line}\n`) });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildSharedProjects({ log: console.log });
