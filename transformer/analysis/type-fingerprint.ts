import type ts from 'typescript';

/**
 * The text of a file with what cannot change any type outside it left out: the block bodies of functions
 * that declare their return type, each replaced by what the declared-errors analysis reads in it (its `new`
 * expressions, the functions it calls with their type arguments, its `throw`s, the names its constants
 * alias). Two versions of a file with the same fingerprint give every action the same types and errors
 * (comments stay: JSDoc describes schemas). A body holding any string statement is kept: it may be a
 * directive, misplaced or misspelled, or start an inline action.
 */
export function typeFingerprint(tsApi: typeof ts, file: ts.SourceFile): string {
  const text = file.text;
  const kept: string[] = [];
  let from = 0;
  const visit = (node: ts.Node): void => {
    if (tsApi.isFunctionLike(node) && node.type && 'body' in node && node.body && tsApi.isBlock(node.body) && !holdsStringStatement(tsApi, node.body)) {
      kept.push(text.slice(from, node.body.getStart(file)), `{${errorSkeleton(tsApi, file, node.body).join(';')}}`);
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

/** What in a body can change the errors an action declares: calls (callee and type arguments), `new`s, `throw`s and aliases. */
function errorSkeleton(tsApi: typeof ts, file: ts.SourceFile, body: ts.Block): string[] {
  const parts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (tsApi.isNewExpression(node) || tsApi.isThrowStatement(node)) {
      parts.push(node.getText(file));
      return;
    }
    if (tsApi.isCallExpression(node)) {
      parts.push(`${node.expression.getText(file)}<${node.typeArguments?.map((argument) => argument.getText(file)).join(',') ?? ''}>()`);
    } else if (tsApi.isVariableDeclaration(node) && node.initializer && (tsApi.isIdentifier(node.initializer) || tsApi.isPropertyAccessExpression(node.initializer))) {
      parts.push(node.getText(file));
    }
    tsApi.forEachChild(node, visit);
  };
  visit(body);
  return parts;
}
