import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The major version of the TypeScript the project itself installs (what its `tsc` is), if any. */
export function projectTypeScriptMajor(projectFile: string): number | undefined {
  try {
    const manifest = createRequire(join(dirname(projectFile), 'package.json')).resolve('typescript/package.json');
    const version: unknown = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
    const major = typeof version === 'string' ? Number.parseInt(version, 10) : Number.NaN;
    return Number.isInteger(major) ? major : undefined;
  } catch {
    return undefined;
  }
}

/** Why inline actions cannot work with this project's compiler, or undefined when its tspc can hoist them. */
export function inlineUnavailable(projectFile: string): string | undefined {
  const major = projectTypeScriptMajor(projectFile);
  if (major === undefined || major < 7) return undefined;
  return (
    `inline 'use server' functions are hoisted by the actionwire transformer, which TypeScript ${major} (no transformer API) cannot run: ` +
    `build with TypeScript 6 and tspc, or move the function to a 'use server' module and export it`
  );
}
