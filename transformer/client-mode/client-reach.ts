import type ts from 'typescript';

/** Does an import bring in any value (so the JavaScript keeps it), or only types (so TypeScript elides it)? */
function importsValue(tsApi: typeof ts, checker: ts.TypeChecker, declaration: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (tsApi.isImportDeclaration(declaration)) {
    const clause = declaration.importClause;
    if (!clause) return true;
    if (clause.isTypeOnly) return false;
    if (clause.name && isValue(tsApi, checker, clause.name)) return true;
    const bindings = clause.namedBindings;
    if (!bindings) return false;
    if (tsApi.isNamespaceImport(bindings)) return true;
    return bindings.elements.some((element) => !element.isTypeOnly && isValue(tsApi, checker, element.name));
  }
  if (declaration.isTypeOnly) return false;
  const clause = declaration.exportClause;
  if (!clause || tsApi.isNamespaceExport(clause)) return true;
  return clause.elements.some((element) => !element.isTypeOnly && isValue(tsApi, checker, element.name));
}

function isValue(tsApi: typeof ts, checker: ts.TypeChecker, name: ts.Identifier | ts.StringLiteral): boolean {
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return true;
  const target = symbol.flags & tsApi.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return Boolean(target.flags & tsApi.SymbolFlags.Value);
}

/** The files a file needs at run time: value imports and re-exports, side-effect imports, `import()` and `require()`. */
function runtimeDependencies(tsApi: typeof ts, checker: ts.TypeChecker, file: ts.SourceFile): ts.SourceFile[] {
  const found: ts.SourceFile[] = [];
  const add = (specifier: ts.Expression | undefined): void => {
    if (!specifier || !tsApi.isStringLiteralLike(specifier)) return;
    const target = moduleFile(tsApi, checker, specifier);
    if (target) found.push(target);
  };
  const visit = (node: ts.Node): void => {
    if ((tsApi.isImportDeclaration(node) || tsApi.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (importsValue(tsApi, checker, node)) add(node.moduleSpecifier);
      return;
    }
    if (tsApi.isImportEqualsDeclaration(node)) {
      if (!node.isTypeOnly && tsApi.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
      return;
    }
    if (tsApi.isCallExpression(node) && (node.expression.kind === tsApi.SyntaxKind.ImportKeyword || (tsApi.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0]);
    }
    tsApi.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function moduleFile(tsApi: typeof ts, checker: ts.TypeChecker, specifier: ts.Expression): ts.SourceFile | undefined {
  const symbol = checker.getSymbolAtLocation(specifier);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  return declaration && tsApi.isSourceFile(declaration) ? declaration : undefined;
}

export interface ClientReach {
  /** files the client output needs as they are */
  client: Set<ts.SourceFile>;
  /** 'use server' modules the client code imports: emitted as stubs calling the generated client */
  serverModules: Set<ts.SourceFile>;
  /** declaration files of the project (not of a package) that client code imports values from, such as the generated client's */
  declarations: Set<ts.SourceFile>;
  /** modules client code imports that are server code all the same (they hold inline actions): an error, and never emitted */
  serverCode: Set<ts.SourceFile>;
}

/**
 * What a client build emits: the files its roots need at run time, following value imports only, and
 * stopping at 'use server' modules (which become stubs). A file reached only through a server module or a
 * type-only import is server code and stays out of the client output, as do `isServerOnly` files (routes.ts).
 * An `isServerCode` file that client code imports is collected and not followed: neither it nor what it
 * imports is client code, whether or not the build stops on the error that follows.
 */
export function clientReach(
  tsApi: typeof ts,
  program: ts.Program,
  isServerModule: (file: ts.SourceFile) => boolean,
  isServerOnly: (file: ts.SourceFile) => boolean,
  isServerCode: (file: ts.SourceFile) => boolean,
): ClientReach {
  const checker = program.getTypeChecker();
  const reach: ClientReach = { client: new Set(), serverModules: new Set(), declarations: new Set(), serverCode: new Set() };
  const pending = program
    .getRootFileNames()
    .map((name) => program.getSourceFile(name))
    .filter((file): file is ts.SourceFile => file !== undefined);
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (program.isSourceFileFromExternalLibrary(file) || isServerOnly(file) || reach.client.has(file) || reach.serverModules.has(file) || reach.serverCode.has(file)) continue;
    if (file.isDeclarationFile) {
      reach.declarations.add(file);
      continue;
    }
    if (isServerModule(file)) {
      reach.serverModules.add(file);
      continue;
    }
    if (isServerCode(file)) {
      reach.serverCode.add(file);
      continue;
    }
    reach.client.add(file);
    pending.push(...runtimeDependencies(tsApi, checker, file));
  }
  return reach;
}
