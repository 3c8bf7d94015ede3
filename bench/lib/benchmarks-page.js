import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { TARGETS } from '../targets.js';

const START = '<!-- figures:start (written by npm run bench; do not edit) -->';
const END = '<!-- figures:end -->';

function verdict(target, value) {
  if (value === undefined) return 'not measured';
  if (target.atMost !== undefined) return value <= target.atMost ? 'met' : '**missed**';
  if (target.atLeast !== undefined) return value >= target.atLeast ? 'met' : '**missed**';
  return 'report';
}

function bound(target) {
  if (target.atMost !== undefined) return `≤ ${target.atMost}`;
  if (target.atLeast !== undefined) return `≥ ${target.atLeast}`;
  return '—';
}

/** The commit the bench runs at (and whether the work tree differs from it). */
export function benchedCommit(cwd) {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

/** The block of BENCHMARKS.md a full run writes: when and where it ran, each target's key against its bound, every figure. */
export function figuresBlock(results, { commit, loadAtStart }) {
  const lines = [
    START,
    `## Latest full run: ${results.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`npm run bench\`${results.quick ? ' -- --quick' : ''} at ${commit}, Node ${results.node}; load average ${loadAtStart.toFixed(1)} at its start and ${loadavg()[0].toFixed(1)} at its end (2 cores, shared).`,
    '',
    '| key | what | value | target | |',
    '| --- | --- | --- | --- | --- |',
    ...TARGETS.map((target) => `| \`${target.key}\` | ${target.what} | ${results.figures[target.key] ?? '—'} | ${bound(target)} | ${verdict(target, results.figures[target.key])} |`),
    '',
    '<details><summary>Every figure of the run</summary>',
    '',
    '| key | value |',
    '| --- | --- |',
    ...Object.entries(results.figures).map(([key, value]) => `| \`${key}\` | ${value} |`),
    '',
    '</details>',
    END,
  ];
  return lines.join('\n');
}

/** Puts the run's block at the top of BENCHMARKS.md (after its introduction), in place of the previous run's. */
export function writeBenchmarksPage(path, block) {
  const page = readFileSync(path, 'utf8');
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start >= 0 && end > start) {
    writeFileSync(path, page.slice(0, start) + block + page.slice(end + END.length));
    return;
  }
  const firstSection = page.indexOf('\n## ');
  const at = firstSection < 0 ? page.length : firstSection + 1;
  writeFileSync(path, `${page.slice(0, at)}${block}\n\n${page.slice(at)}`);
}
