import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** `@redocly/cli lint` of an OpenAPI document with the project's ruleset (tests/interop/redocly.yaml), offline, less `skipRules`. */
export function redoclyLint(specPath: string, skipRules: readonly string[] = []): { status: number; output: string } {
  const skipped = skipRules.flatMap((rule) => ['--skip-rule', rule]);
  const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'redocly'), ['lint', '--config', join(repoRoot, 'tests', 'interop', 'redocly.yaml'), '--format', 'summary', ...skipped, specPath], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NODE_OPTIONS: '' },
  });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}
