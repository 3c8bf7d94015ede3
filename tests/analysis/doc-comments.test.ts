import ts from 'typescript';
import { documentationOf } from '../../transformer/analysis/doc-comments.js';

/** Declarations documented every way a project documents them. */
const source = `
/** One line. */
export async function oneLine(): Promise<void> {}

/**
 * Several lines,
 * with a second one.
 *
 * And a paragraph:
 *   - an indented list item
 *   - another
 * @param name ignored: tags are not the description
 * @returns nothing
 */
export async function severalLines(name: string): Promise<string> { return name; }

/** Links stay as written: {@link oneLine} and {@link severalLines the other one}. */
export const linked = async (): Promise<void> => {};

/** @deprecated tags only */
export async function tagsOnly(): Promise<void> {}

/** First block. */
/** Second block. */
export async function twoBlocks(): Promise<void> {}

// a line comment is no documentation
export async function undocumented(): Promise<void> {}

/** Overloads: the first. */
export function overloaded(a: string): string;
/** Overloads: the second. */
export function overloaded(a: number): number;
export function overloaded(a: string | number): string | number { return a; }

/** A multi-declaration statement documents its first variable. */
export const first = 1, second = 2;

/**
     * A comment indented oddly,
     *    keeping its relative indentation.
     */
export type Odd = string;

/** A user. */
export interface User {
  /** the name */
  name: string;
  /**
   * when they joined;
   * in UTC
   */
  joinedAt: Date;
  untouched: number;
  /** A URL: https://example.com/a@b, which is no tag. */
  home: string;
}

export const literal = {
  /** a property of an object literal */
  count: 1,
};

export type Picked = Pick<User, 'name' | 'joinedAt'>;
`;

function program(): { checker: ts.TypeChecker; file: ts.SourceFile } {
  const fileName = '/virtual/docs.ts';
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, noEmit: true, types: [], noLib: true };
  const host = ts.createCompilerHost(options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseAll;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) => (name === fileName ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, onError, create));
  const created = ts.createProgram([fileName], options, host);
  return { checker: created.getTypeChecker(), file: created.getSourceFile(fileName) as ts.SourceFile };
}

describe('documentation read from the comments', () => {
  const { checker, file } = program();
  const moduleSymbol = checker.getSymbolAtLocation(file) as ts.Symbol;
  const exported = checker.getExportsOfModule(moduleSymbol);
  const symbols: Array<[string, ts.Symbol]> = exported.map((symbol) => [symbol.getName(), symbol]);
  for (const typeName of ['User', 'Picked']) {
    const symbol = exported.find((candidate) => candidate.getName() === typeName) as ts.Symbol;
    for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) symbols.push([`${typeName}.${property.getName()}`, property]);
  }
  const literal = exported.find((candidate) => candidate.getName() === 'literal') as ts.Symbol;
  for (const property of checker.getPropertiesOfType(checker.getTypeOfSymbol(literal))) symbols.push([`literal.${property.getName()}`, property]);

  // TypeScript's display of a link with a text drops the space before it ({@link severalLinesthe other one})
  it.each(symbols.filter(([name]) => name !== 'linked'))('of %s is what TypeScript reads when it parses all JSDoc', (_name, symbol) => {
    expect(documentationOf(ts, symbol)).toBe(ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim());
  });

  it('keeps paragraphs, indentation and links, and leaves out tags', () => {
    const byName = new Map(symbols);
    expect(documentationOf(ts, byName.get('severalLines'))).toBe('Several lines,\nwith a second one.\n\nAnd a paragraph:\n  - an indented list item\n  - another');
    expect(documentationOf(ts, byName.get('linked'))).toBe('Links stay as written: {@link oneLine} and {@link severalLines the other one}.');
    expect(documentationOf(ts, byName.get('tagsOnly'))).toBe('');
    expect(documentationOf(ts, byName.get('undocumented'))).toBe('');
  });

  it('is the same when the program parsed no JSDoc (tsc and tspc by default)', () => {
    const options: ts.CompilerOptions = { noLib: true, noEmit: true, types: [] };
    const host = ts.createCompilerHost(options);
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError, create) => (name === '/virtual/docs.ts' ? ts.createSourceFile(name, source, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }) : getSourceFile(name, version, onError, create));
    const lean = ts.createProgram(['/virtual/docs.ts'], options, host);
    const leanChecker = lean.getTypeChecker();
    const leanFile = lean.getSourceFile('/virtual/docs.ts') as ts.SourceFile;
    const severalLines = leanChecker.getExportsOfModule(leanChecker.getSymbolAtLocation(leanFile) as ts.Symbol).find((symbol) => symbol.getName() === 'severalLines');
    expect(ts.displayPartsToString(severalLines?.getDocumentationComment(leanChecker))).toBe('');
    expect(documentationOf(ts, severalLines)).toBe(documentationOf(ts, new Map(symbols).get('severalLines')));
  });
});
