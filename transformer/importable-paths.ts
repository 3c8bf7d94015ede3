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
