import type ts from 'typescript';
import { relative, resolve, sep } from 'node:path';

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Is `path` the directory itself or inside it (not beside it, not on another drive)? */
export function isWithin(directory: string, path: string): boolean {
  const rest = relative(directory, resolve(path));
  return rest === '' || (!rest.startsWith('..') && !rest.startsWith(sep) && !/^[A-Za-z]:/.test(rest));
}

/** `/project/src/app/actions.ts` under `/project` → `src/app/actions.ts` (for messages and source locations) */
export function projectRelativePath(projectDir: string, fileName: string): string {
  return toPosix(relative(projectDir, resolve(fileName)));
}

/** `src/app/actions.ts` under root `src` → `app/actions` */
export function moduleIdOf(fileName: string, root: string): string {
  return toPosix(relative(root, resolve(fileName))).replace(/\.(d\.)?[cm]?tsx?$/, '');
}

/** What relative imports end with under these options: Node16/NodeNext need the output extension. */
export function importExtension(tsApi: typeof ts, options: ts.CompilerOptions): '.js' | '' {
  const resolution = options.moduleResolution;
  const kinds = tsApi.ModuleResolutionKind;
  if (resolution === kinds.Node16 || resolution === kinds.NodeNext) return '.js';
  const module = options.module ?? tsApi.ModuleKind.CommonJS;
  // node16, node18, node20 and nodenext imply Node's resolution, which needs extensions.
  if (resolution === undefined && module >= tsApi.ModuleKind.Node16 && module <= tsApi.ModuleKind.NodeNext) return '.js';
  return '';
}

/** The import specifier of `fileName` from a file in `fromDirectory`. */
export function relativeImport(fromDirectory: string, fileName: string, extension: '.js' | ''): string {
  const withoutExtension = toPosix(relative(fromDirectory, resolve(fileName))).replace(/\.[cm]?tsx?$/, '');
  const outputExtension = extension === '' ? '' : /\.mts$/.test(fileName) ? '.mjs' : /\.cts$/.test(fileName) ? '.cjs' : '.js';
  const path = withoutExtension.startsWith('.') ? withoutExtension : `./${withoutExtension}`;
  return path + outputExtension;
}
