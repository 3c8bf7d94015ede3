/**
 * Characters that TypeScript reads in a relative import specifier as part of a file name, and Node's ES module
 * loader, which reads the specifier as a URL, does not: `%` starts an escape, `#` and `?` end the path, `\` is
 * a separator, and tabs and line breaks are dropped. Measured against Node's loader in
 * tests/client/unimportable-file-names.test.ts; every other character, spaces and quotes included, imports.
 */
const UNIMPORTABLE = ['\t', '\n', '\r', '#', '%', '?', '\\'];

/** The characters of an import specifier that make it name another file, or none, for Node's ES module loader. */
export function unimportableCharacters(specifier: string): string[] {
  return UNIMPORTABLE.filter((character) => specifier.includes(character));
}

/** Why routes.ts and the client cannot import a module by `importPath` under Node, if they cannot. */
export function unimportableModuleProblem(what: string, importPath: string): string | undefined {
  const unimportable = unimportableCharacters(importPath);
  if (unimportable.length === 0) return undefined;
  const characters = unimportable.map((character) => JSON.stringify(character).replace(/^"|"$/g, "'")).join(', ');
  return `${what} cannot be imported by Node's ES module loader: its path from the generated files (${importPath}) holds ${characters}, which the loader reads as URL syntax where TypeScript reads a file name; rename the file or folder (avoid %, #, ?, \\, tabs and line breaks)`;
}
