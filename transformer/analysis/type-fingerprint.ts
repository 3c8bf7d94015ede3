import type ts from 'typescript';

/**
 * The text of a file with what cannot change any type outside it left out: the block bodies of functions
 * that declare their return type. Two versions of a file with the same fingerprint give every action the
 * same types (comments stay: JSDoc describes schemas). A body holding any string statement is kept: it may
 * be a directive, misplaced or misspelled, or start an inline action.
 */
export function typeFingerprint(tsApi: typeof ts, file: ts.SourceFile): string {
  const text = file.text;
  const kept: string[] = [];
  let from = 0;
  const visit = (node: ts.Node): void => {
    if (tsApi.isFunctionLike(node) && node.type && 'body' in node && node.body && tsApi.isBlock(node.body) && !holdsStringStatement(tsApi, node.body)) {
      kept.push(text.slice(from, node.body.getStart(file)), '{}');
      from = node.body.end;
      return;
    }
    tsApi.forEachChild(node, visit);
  };
  visit(file);
  kept.push(text.slice(from));
  return kept.join('');
}

function holdsStringStatement(tsApi: typeof ts, node: ts.Node): boolean {
  if (tsApi.isExpressionStatement(node) && tsApi.isStringLiteralLike(node.expression)) return true;
  return tsApi.forEachChild(node, (child) => holdsStringStatement(tsApi, child) || undefined) ?? false;
}
