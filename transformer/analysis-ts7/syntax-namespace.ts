import type * as Ast from 'typescript-7/unstable/ast';
import type { TypeScript7 } from './typescript-7-modules.js';

/**
 * The syntax part of the namespace the analysis is written against (`typeof ts`), on TypeScript 7's own syntax
 * tree: its `is…` tests and `SyntaxKind` numbers (which differ from TypeScript 6's), and the few helpers its
 * AST module lacks, written here on its nodes. No TypeScript 6 is loaded: a TypeScript 7 project installs none.
 */
export function syntaxNamespace({ ast, sync }: TypeScript7): Record<string, unknown> {
  const K = ast.SyntaxKind;
  const kinds = (...list: Ast.SyntaxKind[]): ((node: Ast.Node) => boolean) => {
    const set = new Set<number>(list);
    return (node) => set.has(node.kind);
  };
  const isFunctionLike = kinds(
    K.FunctionDeclaration, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor, K.FunctionExpression, K.ArrowFunction,
    K.MethodSignature, K.CallSignature, K.ConstructSignature, K.IndexSignature, K.FunctionType, K.ConstructorType,
  );
  // TypeScript 6's list: the nodes whose syntax allows modifiers
  const canHaveModifiers = kinds(
    K.TypeParameter, K.Parameter, K.PropertySignature, K.PropertyDeclaration, K.MethodSignature, K.MethodDeclaration, K.Constructor, K.GetAccessor,
    K.SetAccessor, K.IndexSignature, K.ConstructorType, K.FunctionExpression, K.ArrowFunction, K.ClassExpression, K.VariableStatement, K.FunctionDeclaration,
    K.ClassDeclaration, K.InterfaceDeclaration, K.TypeAliasDeclaration, K.EnumDeclaration, K.ModuleDeclaration, K.ImportEqualsDeclaration, K.ImportDeclaration,
    K.ExportAssignment, K.ExportDeclaration,
  );
  const modifierFlagsOf = (node: Ast.Node): number => ('modifierFlags' in node && typeof node.modifierFlags === 'number' ? node.modifierFlags : 0);
  /** As TypeScript 6's: a variable declaration's flags combine with its list's and statement's. */
  const getCombinedModifierFlags = (node: Ast.Node): number => {
    let flags = modifierFlagsOf(node);
    let current: Ast.Node | undefined = node;
    if (current.kind === K.BindingElement) while (current && (current.kind === K.BindingElement || current.kind === K.ObjectBindingPattern || current.kind === K.ArrayBindingPattern)) current = current.parent;
    if (current?.kind === K.VariableDeclaration) {
      current = current.parent;
      if (current) flags |= modifierFlagsOf(current);
      if (current?.kind === K.VariableDeclarationList && current.parent) flags |= modifierFlagsOf(current.parent);
    }
    return flags;
  };
  return {
    ...ast,
    TypeFlags: sync.TypeFlags,
    SymbolFlags: sync.SymbolFlags,
    ObjectFlags: sync.ObjectFlags,
    ElementFlags: sync.ElementFlags,
    ModifierFlags: sync.ModifierFlags,
    DiagnosticCategory: sync.DiagnosticCategory,
    ModuleKind: sync.ModuleKind,
    // not exported by the API; the compiler options it gives carry TypeScript 6's numbers
    ModuleResolutionKind: { Node10: 2, Node16: 3, NodeNext: 99, Bundler: 100 },
    // TypeScript 7 parses the JSDoc of every file: doc-comments.ts finds each comment parsed with its declaration
    getJSDocCommentsAndTags: (node: Ast.Node): readonly Ast.Node[] => node.jsDoc ?? [],
    isJSDoc: kinds(K.JSDoc),
    createSourceFile: (fileName: string, text: string): never => {
      throw new Error(`TypeScript 7 gave no parsed JSDoc for a comment in ${fileName}, and actionwire has no parser of its own to read it: ${text}`);
    },
    isFunctionLike,
    isClassLike: kinds(K.ClassDeclaration, K.ClassExpression),
    isParameter: kinds(K.Parameter),
    isPropertySignature: kinds(K.PropertySignature),
    isGetAccessor: kinds(K.GetAccessor),
    isSetAccessor: kinds(K.SetAccessor),
    isStringLiteralLike: kinds(K.StringLiteral, K.NoSubstitutionTemplateLiteral),
    isIterationStatement: (node: Ast.Node, lookInLabeledStatements: boolean): boolean =>
      [K.ForStatement, K.ForInStatement, K.ForOfStatement, K.DoStatement, K.WhileStatement].includes(node.kind) ||
      (lookInLabeledStatements && node.kind === K.LabeledStatement && 'statement' in node && [K.ForStatement, K.ForInStatement, K.ForOfStatement, K.DoStatement, K.WhileStatement].includes((node.statement as Ast.Node).kind)),
    forEachChild: <T>(node: Ast.Node, visit: (child: Ast.Node) => T): T | undefined => node.forEachChild(visit),
    getNameOfDeclaration: (node: Ast.Node): Ast.Node | undefined => ('name' in node && node.name ? (node.name as Ast.Node) : undefined),
    getCombinedModifierFlags,
    canHaveModifiers,
    // as TypeScript 6's: the modifiers without the decorators
    getModifiers: (node: Ast.Node): readonly Ast.Node[] | undefined =>
      'modifiers' in node && node.modifiers ? (node.modifiers as readonly Ast.Node[]).filter((modifier) => modifier.kind !== K.Decorator) : undefined,
  };
}
