import { spawnSync } from 'node:child_process';
import { cliBin, repoRoot } from '../helpers/paths.js';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('actionwire usage', () => {
  it.each([['-h'], ['--help'], ['generate', '-h'], ['generate', '--help']])('%s %s prints the usage to stdout and exits 0', (...args: string[]) => {
    const result = cli(args);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: actionwire generate/);
    expect(result.stderr).toBe('');
  });

  it.each([
    [[], /^usage: actionwire generate/],
    [['build'], /^unknown command build\n\nusage:/],
    [['generate', '--nope'], /^unknown option --nope\n\nusage:/],
    [['generate', '-p'], /^-p needs a path\n\nusage:/],
    [['generate', '--check', '--watch'], /^--check and --watch do not go together\n\nusage:/],
  ])('%j is a usage error: the reason and the usage on stderr, exit 2', (args, message) => {
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
