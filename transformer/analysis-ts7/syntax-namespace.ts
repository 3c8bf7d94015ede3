import ts6 from 'typescript';
import type * as Ast from 'typescript-7/unstable/ast';
import type { TypeScript7 } from './typescript-7-modules.js';

/**
 * The syntax part of the namespace the analysis is written against (`typeof ts`), on TypeScript 7's own syntax
 * tree: its `is…` tests and `SyntaxKind` numbers (which differ from TypeScript 6's), and the few helpers its
 * AST module lacks, written here on its nodes. JSDoc descriptions are still read by TypeScript 6's parser from the
 * comment's text alone (doc-comments.ts), as on the TypeScript 6 path, so both read them alike.
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
    // module-paths.ts reads the TypeScript 6 compiler options the CLI parsed, so these stay TypeScript 6's
    ModuleKind: ts6.ModuleKind,
    ModuleResolutionKind: ts6.ModuleResolutionKind,
    // doc-comments.ts parses a JSDoc comment's text alone with these
    createSourceFile: ts6.createSourceFile,
    getJSDocCommentsAndTags: ts6.getJSDocCommentsAndTags,
    isJSDoc: ts6.isJSDoc,
    getTextOfJSDocComment: ts6.getTextOfJSDocComment,
    ScriptTarget: ts6.ScriptTarget,
    ScriptKind: ts6.ScriptKind,
    JSDocParsingMode: ts6.JSDocParsingMode,
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
  };
}
