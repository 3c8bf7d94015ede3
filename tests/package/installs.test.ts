import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { packedTarball, runIn } from '../helpers/user-project.js';

interface Manifest {
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function filesIn(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)))
    .sort();
}

function tarballFiles(tarball: string): string[] {
  const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  return listing.stdout.split('\n').filter((line) => line !== '' && !line.endsWith('/')).map((line) => line.replace(/^package\//, '')).sort();
}

function emptyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'actionwire-install-'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'user-app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  return dir;
}

describe('the package users install', () => {
  it('from the tarball: a package.json without scripts or devDependencies (npm warns about no install script)', () => {
    const manifest = JSON.parse(spawnSync('tar', ['-xOzf', packedTarball(), 'package/package.json'], { encoding: 'utf8' }).stdout) as Manifest;
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    // packing left the repository's own package.json as it was
    expect((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest).scripts?.prepare).toBe('node scripts/prepare.js');
  });

  it('from a git URL: npm builds it, and installs the same files as the tarball', () => {
    const dir = emptyProject();
    try {
      const install = runIn(dir, 'npm', ['install', `git+file://${repoRoot}`]);
      expect(install.output).not.toMatch(/^npm (error|ERR!)/m);
      expect(install.status).toBe(0);
      const installed = join(dir, 'node_modules', 'actionwire');
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
      expect(manifest.scripts).toBeUndefined();
      expect(filesIn(installed)).toEqual(tarballFiles(packedTarball()));
      const usage = runIn(dir, 'npx', ['actionwire', '--help']);
      expect(usage.output).toMatch(/^usage: actionwire generate/);
      expect(usage.status).toBe(0);
      const server = runIn(dir, 'node', ['--input-type=module', '-e', "const s = await import('actionwire/server'); console.log(typeof s.ActionError)"]);
      expect(server.output.trim()).toBe('function');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
