import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const tmpRoot = join(repoRoot, 'tests', '.tmp');
export const tspcBin = join(repoRoot, 'node_modules', 'ts-patch', 'bin', 'tspc.js');
export const cliBin = join(repoRoot, 'dist', 'cli', 'actionwire.js');
