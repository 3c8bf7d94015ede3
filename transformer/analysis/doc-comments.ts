import type ts from 'typescript';

/**
 * The node whose leading comments hold a declaration's JSDoc, as TypeScript attaches it: a variable's is its
 * statement's when it is the statement's first declaration (`/** … *\/ export const greet = async () => …`).
 */
function commentHost(tsApi: typeof ts, declaration: ts.Node): ts.Node {
  const list = declaration.parent;
  if (tsApi.isVariableDeclaration(declaration) && list && tsApi.isVariableDeclarationList(list) && list.declarations[0] === declaration && tsApi.isVariableStatement(list.parent)) {
    return list.parent;
  }
  return declaration;
}

function isJsDocComment(tsApi: typeof ts, text: string, range: ts.CommentRange): boolean {
  return range.kind === tsApi.SyntaxKind.MultiLineCommentTrivia && text.startsWith('/**', range.pos) && !text.startsWith('/**/', range.pos);
}

const parsedComments = new Map<string, string>();

/**
 * A JSDoc comment's description (the text before its first tag), as TypeScript's own JSDoc parser reads it:
 * the comment is parsed alone, at its column, so that its margin is the same. One-line comments without tags
 * or links are read directly.
 */
function descriptionOf(tsApi: typeof ts, sourceText: string, range: ts.CommentRange): string {
  const comment = sourceText.slice(range.pos, range.end);
  if (!comment.includes('\n') && !comment.includes('@')) return comment.slice(3, -2).trim();
  const column = range.pos - (sourceText.lastIndexOf('\n', range.pos - 1) + 1);
  const snippet = `${' '.repeat(column)}${comment}\nfunction documented() {}\n`;
  const known = parsedComments.get(snippet);
  if (known !== undefined) return known;
  const file = tsApi.createSourceFile('comment.ts', snippet, { languageVersion: tsApi.ScriptTarget.Latest, jsDocParsingMode: tsApi.JSDocParsingMode.ParseAll }, true, tsApi.ScriptKind.TS);
  const declaration = file.statements[file.statements.length - 1];
  const docs = declaration ? tsApi.getJSDocCommentsAndTags(declaration).filter(tsApi.isJSDoc) : [];
  const description = docs.map((doc) => tsApi.getTextOfJSDocComment(doc.comment) ?? '').join('\n').trim();
  parsedComments.set(snippet, description);
  return description;
}

/**
 * The comment's description as the compiler already parsed it with the declaration, when it did: TypeScript 7
 * parses the JSDoc of every file; TypeScript 6 in tsc's mode only that of JavaScript files.
 */
function parsedDescription(tsApi: typeof ts, host: ts.Node, range: ts.CommentRange): string | undefined {
  // by its end: TypeScript 7 starts a JSDoc node at the whitespace before the comment
  const doc = tsApi.getJSDocCommentsAndTags(host).find((each) => tsApi.isJSDoc(each) && each.end === range.end);
  return doc && tsApi.isJSDoc(doc) ? (tsApi.getTextOfJSDocComment(doc.comment) ?? '').trim() : undefined;
}

/**
 * The documentation of a symbol — a function, a type, a property — from the JSDoc comments of its
 * declarations, read from the source text. Builds that do not parse JSDoc (tsc's default since TypeScript 5.3:
 * it only needs it for JavaScript) still describe every schema and operation, and no project pays for
 * parsing the JSDoc of every declaration file for the few that describe actions.
 */
export function documentationOf(tsApi: typeof ts, symbol: ts.Symbol | undefined): string {
  const parts: string[] = [];
  for (const declaration of symbol?.declarations ?? []) {
    const host = commentHost(tsApi, declaration);
    const sourceText = host.getSourceFile().text;
    // the last JSDoc comment before a declaration is its documentation, as TypeScript reads it
    const range = (tsApi.getLeadingCommentRanges(sourceText, host.pos) ?? []).filter((comment) => isJsDocComment(tsApi, sourceText, comment)).pop();
    const description = range ? (parsedDescription(tsApi, host, range) ?? descriptionOf(tsApi, sourceText, range)) : '';
    if (description !== '' && !parts.includes(description)) parts.push(description);
  }
  return parts.join('\n').trim();
}
