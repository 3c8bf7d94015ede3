import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const MIB = 1024 * 1024;
const PAGE = 4096;
const SAMPLE_MS = 15;

/** The process ids of `root` and its descendants, from /proc (Linux). */
function tree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
    } catch {
      // the process ended while being read
    }
  }
  const found = [];
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.pop();
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function rssBytes(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

/**
 * `node <args>` in `directory`: wall time, and the peak of the summed RSS of the process and every process it
 * starts (TypeScript 7's tsc and its API run the compiler as a child process), sampled every 15 ms.
 */
export function treePeakRun(directory, label, args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: directory, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const sample = () => (peak = Math.max(peak, tree(child.pid).reduce((sum, pid) => sum + rssBytes(pid), 0)));
    const timer = setInterval(sample, SAMPLE_MS);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) reject(new Error(`${label} failed on ${directory}:\n${output}`));
      else resolve({ seconds, rssMiB: peak / MIB });
    });
  });
}
