import type ts from 'typescript';

/** The function-like nodes an inline 'use server' may stand in. */
export type InlineFunction = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** A function's own name: declared, or the variable, property or method it is assigned to. */
function ownName(tsApi: typeof ts, node: ts.Node): string | undefined {
  if ((tsApi.isFunctionDeclaration(node) || tsApi.isFunctionExpression(node)) && node.name) return node.name.text;
  if (tsApi.isFunctionDeclaration(node) && hasDefaultModifier(tsApi, node)) return 'default';
  if (tsApi.isMethodDeclaration(node) || tsApi.isGetAccessor(node) || tsApi.isSetAccessor(node)) return propertyNameText(tsApi, node.name);
  if (tsApi.isConstructorDeclaration(node)) return 'constructor';
  let parent = node.parent;
  while (parent && (tsApi.isParenthesizedExpression(parent) || tsApi.isAsExpression(parent) || tsApi.isSatisfiesExpression(parent))) parent = parent.parent;
  if (!parent) return undefined;
  if (tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name)) return parent.name.text;
  if (tsApi.isPropertyAssignment(parent) || tsApi.isPropertyDeclaration(parent)) return propertyNameText(tsApi, parent.name);
  if (tsApi.isExportAssignment(parent)) return 'default';
  if (tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) {
    const target = parent.left;
    if (tsApi.isIdentifier(target)) return target.text;
    if (tsApi.isPropertyAccessExpression(target)) return target.name.text;
  }
  return undefined;
}

function hasDefaultModifier(tsApi: typeof ts, node: ts.FunctionDeclaration): boolean {
  return Boolean(node.modifiers?.some((modifier) => modifier.kind === tsApi.SyntaxKind.DefaultKeyword));
}

function propertyNameText(tsApi: typeof ts, name: ts.PropertyName): string | undefined {
  if (tsApi.isIdentifier(name) || tsApi.isPrivateIdentifier(name)) return name.text.replace(/^#/, '');
  if (tsApi.isStringLiteral(name) || tsApi.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** A name segment of a route: readable, and free of the characters routes and paths give meaning to. */
function segment(name: string): string {
  return name.replace(/[^A-Za-z0-9_$-]+/g, '_') || '_';
}

/**
 * `Page.updatePost`: the names of the named functions (and classes) around an inline action, and its own
 * (`action` when it has none). Anonymous callbacks add nothing, so the path survives edits around them.
 */
export function inlinePath(tsApi: typeof ts, fn: InlineFunction): string {
  const names = [segment(ownName(tsApi, fn) ?? 'action')];
  for (let node = fn.parent; node && !tsApi.isSourceFile(node); node = node.parent) {
    if (tsApi.isFunctionLike(node) || tsApi.isClassLike(node)) {
      const name = tsApi.isClassLike(node) ? node.name?.text : ownName(tsApi, node);
      if (name !== undefined) names.unshift(segment(name));
    }
  }
  return names.join('.');
}

/** The identifier the transformer exports a hoisted inline action under: `__actionwire$Page$updatePost`. */
export function hoistedName(path: string): string {
  return `__actionwire$${path.replace(/[.-]/g, '$')}`;
}
