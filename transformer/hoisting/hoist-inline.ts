import type ts from 'typescript';
import { DIRECTIVE } from '../analysis/directives.js';
import type { InlineHoist } from '../analysis/inline/inline-actions.js';
import type { InlineFunction } from '../analysis/inline/inline-names.js';

/** The namespace the hoisted code reaches actionwire/internal/server through, and the parameter that receives the bound values. */
const SERVER = '__actionwire_server';
const BOUND = '__actionwire_bound';

function key(node: ts.Node): string {
  return `${node.kind}:${node.pos}:${node.end}`;
}

/**
 * The `before` transformer that hoists inline actions: each function whose body starts with 'use server'
 * becomes a module-level export taking its captured variables as its first argument, and where it was
 * written stands a bound reference to it (`bindAction(hoisted, route, { get id() { return id; } })`), whose
 * captured values are read when it is called or sealed, as a closure reads them.
 */
export function hoistInlineActions(tsApi: typeof ts, hoists: ReadonlyMap<string, readonly InlineHoist[]>): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const own = hoists.get(sourceFile.fileName);
    if (!own || own.length === 0) return sourceFile;
    const byNode = new Map(own.map((hoist) => [key(hoist.node), hoist]));
    return new FileHoister(tsApi, context, byNode).file(sourceFile);
  };
}

class FileHoister {
  private readonly hoisted: ts.Statement[] = [];

  constructor(
    private readonly tsApi: typeof ts,
    private readonly context: ts.TransformationContext,
    private readonly byNode: ReadonlyMap<string, InlineHoist>,
  ) {}

  file(sourceFile: ts.SourceFile): ts.SourceFile {
    const { factory } = this.context;
    const statements = this.statements(sourceFile.statements);
    const importServer = factory.createImportDeclaration(
      undefined,
      factory.createImportClause(false, undefined, factory.createNamespaceImport(factory.createIdentifier(SERVER))),
      factory.createStringLiteral('actionwire/internal/server'),
    );
    const prologue = statements.findIndex((statement) => !this.isPrologueDirective(statement));
    const at = prologue === -1 ? statements.length : prologue;
    return factory.updateSourceFile(sourceFile, [...statements.slice(0, at), importServer, ...statements.slice(at), ...this.hoisted]);
  }

  private hoistOf(node: ts.Node): InlineHoist | undefined {
    const original = this.tsApi.getOriginalNode(node);
    return this.byNode.get(key(original));
  }

  private isPrologueDirective(statement: ts.Statement): boolean {
    return this.tsApi.isExpressionStatement(statement) && this.tsApi.isStringLiteral(statement.expression);
  }

  /** A statement list in which inline function declarations become bound constants, first in the list as declarations are hoisted. */
  private statements(list: readonly ts.Statement[]): ts.Statement[] {
    const { factory } = this.context;
    const bindings: ts.Statement[] = [];
    const rest: ts.Statement[] = [];
    for (const statement of list) {
      const hoist = this.tsApi.isFunctionDeclaration(statement) ? this.hoistOf(statement) : undefined;
      if (!hoist || !this.tsApi.isFunctionDeclaration(statement)) {
        rest.push(this.tsApi.visitNode(statement, this.visit, this.tsApi.isStatement));
        continue;
      }
      const reference = this.reference(statement, hoist);
      const modifiers = statement.modifiers?.map((modifier) => modifier.kind) ?? [];
      const exported = modifiers.includes(this.tsApi.SyntaxKind.ExportKeyword);
      const isDefault = modifiers.includes(this.tsApi.SyntaxKind.DefaultKeyword);
      if (!statement.name) {
        rest.push(factory.createExportAssignment(undefined, undefined, reference));
        continue;
      }
      const declaration = factory.createVariableStatement(
        exported && !isDefault ? [factory.createModifier(this.tsApi.SyntaxKind.ExportKeyword)] : undefined,
        factory.createVariableDeclarationList([factory.createVariableDeclaration(statement.name, undefined, undefined, reference)], this.tsApi.NodeFlags.Const),
      );
      bindings.push(declaration);
      if (isDefault) rest.push(factory.createExportAssignment(undefined, undefined, factory.createIdentifier(statement.name.text)));
    }
    const prologue = rest.findIndex((statement) => !this.isPrologueDirective(statement));
    const at = prologue === -1 ? rest.length : prologue;
    return [...rest.slice(0, at), ...bindings, ...rest.slice(at)];
  }

  private readonly visit = (node: ts.Node): ts.VisitResult<ts.Node> => {
    const tsApi = this.tsApi;
    if (tsApi.isBlock(node)) return this.context.factory.updateBlock(node, this.statements(node.statements));
    if (tsApi.isCaseClause(node)) return this.context.factory.updateCaseClause(node, tsApi.visitNode(node.expression, this.visit, tsApi.isExpression), this.statements(node.statements));
    if (tsApi.isDefaultClause(node)) return this.context.factory.updateDefaultClause(node, this.statements(node.statements));
    const hoist = tsApi.isFunctionExpression(node) || tsApi.isArrowFunction(node) || tsApi.isMethodDeclaration(node) ? this.hoistOf(node) : undefined;
    if (hoist && (tsApi.isFunctionExpression(node) || tsApi.isArrowFunction(node))) return this.reference(node, hoist);
    if (hoist && tsApi.isMethodDeclaration(node)) return this.context.factory.createPropertyAssignment(node.name, this.reference(node, hoist));
    return tsApi.visitEachChild(node, this.visit, this.context);
  };

  /** Hoists the function (after hoisting the inline actions inside it) and returns the expression that stands in its place. */
  private reference(fn: InlineFunction, hoist: InlineHoist): ts.Expression {
    const { factory } = this.context;
    const tsApi = this.tsApi;
    const body = fn.body && tsApi.isBlock(fn.body) ? fn.body : factory.createBlock([]);
    const inner = this.statements(body.statements).filter((statement) => !(this.isPrologueDirective(statement) && ((statement as ts.ExpressionStatement).expression as ts.StringLiteral).text === DIRECTIVE));
    const parameters = fn.parameters.map((parameter) => tsApi.visitNode(parameter, this.visit, tsApi.isParameter));
    const boundParameter =
      hoist.bound.length === 0 ? BOUND : factory.createObjectBindingPattern(hoist.bound.map((name) => factory.createBindingElement(undefined, undefined, name)));
    // a recursive action calls itself by its name: bound inside the hoisted function too, to the same values
    const self = hoist.selfName
      ? [factory.createVariableStatement(undefined, factory.createVariableDeclarationList([factory.createVariableDeclaration(hoist.selfName, undefined, undefined, this.bindCall(hoist))], tsApi.NodeFlags.Const))]
      : [];
    this.hoisted.push(
      factory.createFunctionDeclaration(
        [factory.createModifier(tsApi.SyntaxKind.ExportKeyword), factory.createModifier(tsApi.SyntaxKind.AsyncKeyword)],
        undefined,
        hoist.exportName,
        fn.typeParameters,
        // the bound values as the first parameter's pattern: default values of the other parameters may read them
        [factory.createParameterDeclaration(undefined, undefined, boundParameter), ...parameters],
        fn.type,
        factory.createBlock([...self, ...inner], true),
      ),
    );
    return this.bindCall(hoist);
  }

  /** `bindAction(hoisted, route, { get id() { return id; } })`: the captured values read when called or sealed. */
  private bindCall(hoist: InlineHoist): ts.Expression {
    const { factory } = this.context;
    const getters = hoist.bound.map((name) =>
      factory.createGetAccessorDeclaration(undefined, name, [], undefined, factory.createBlock([factory.createReturnStatement(factory.createIdentifier(name))])),
    );
    return factory.createCallExpression(factory.createPropertyAccessExpression(factory.createIdentifier(SERVER), 'bindAction'), undefined, [
      factory.createIdentifier(hoist.exportName),
      factory.createStringLiteral(hoist.route),
      factory.createObjectLiteralExpression(getters, false),
    ]);
  }
}
