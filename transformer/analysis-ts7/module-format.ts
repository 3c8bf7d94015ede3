import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type ts from 'typescript';

// TypeScript's ModuleKind numbers (the same in 6 and 7)
const COMMON_JS = 1;
const ES2015 = 5;
const NODE16 = 100;
const NODE_NEXT = 199;
const ES2015_TARGET = 2;

/** The `type` of the package.json nearest to `directory`, as Node reads it for a `.js` file there. */
function packageType(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest)) {
      try {
        const type: unknown = (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type;
        return typeof type === 'string' ? type : undefined;
      } catch {
        return undefined;
      }
    }
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Whether a TypeScript 7 build emits CommonJS for a script at a path: `module: commonjs`, or a Node module kind
 * (node16…nodenext) where the file is `.cjs`/`.cts`, or `.js` under a package.json without `"type": "module"`.
 * TypeScript 6's `getImpliedNodeFormatForFile` decides this on the TypeScript 6 path; TypeScript 7 has no such
 * function in JavaScript.
 */
export function typeScript7CommonJsRule(options: ts.CompilerOptions): (path: string) => boolean {
  const kind: number = options.module ?? ((options.target ?? ES2015_TARGET) >= ES2015_TARGET ? ES2015 : COMMON_JS);
  return (path) => {
    if (kind === COMMON_JS) return true;
    if (kind < NODE16 || kind > NODE_NEXT) return false;
    if (/\.c[jt]s$/.test(path)) return true;
    if (/\.m[jt]s$/.test(path)) return false;
    return packageType(dirname(path)) !== 'module';
  };
}
