import type ts from 'typescript';
import { dirname, relative, resolve, sep } from 'node:path';

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** tsconfig `rootDir`, or the common directory of the program's own source files (as tsc computes it). */
export function rootDirectory(program: ts.Program, isOwnFile: (file: ts.SourceFile) => boolean): string {
  const options = program.getCompilerOptions();
  if (options.rootDir) return resolve(options.rootDir);
  const directories = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && isOwnFile(file))
    .map((file) => dirname(resolve(file.fileName)));
  if (directories.length === 0) return program.getCurrentDirectory();
  let common = directories[0].split(sep);
  for (const directory of directories.slice(1)) {
    const parts = directory.split(sep);
    let index = 0;
    while (index < common.length && index < parts.length && common[index] === parts[index]) index++;
    common = common.slice(0, index);
  }
  return common.join(sep) || sep;
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
