import type ts from 'typescript';
import { isIdentifierName } from '../../codegen/naming.js';

/** What a 'use server' module becomes in a client build: its actions, re-exported from the generated client module. */
export interface ClientStub {
  /** the import specifier of the generated client module, relative to the server module */
  clientModule: string;
  /** the names the server module exports its actions under */
  exportNames: string[];
}

/** An export name as the generated client module exports it: an identifier name where it is one (`grüße`, `default`), a string otherwise. */
function exportName(tsApi: typeof ts, name: string): ts.ModuleExportName {
  return isIdentifierName(name) ? tsApi.factory.createIdentifier(name) : tsApi.factory.createStringLiteral(name);
}

/**
 * The `before` transformer of a client build: each 'use server' module's statements are replaced by
 * `export { createUser, listUsers } from '../../generated/client/app/users.js'`, so nothing of the server
 * module (nor what it imports) is in its output, and importing it calls the actions over HTTP.
 */
export function stubServerModules(tsApi: typeof ts, stubs: ReadonlyMap<string, ClientStub>): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const stub = stubs.get(sourceFile.fileName);
    if (!stub) return sourceFile;
    const { factory } = context;
    const specifiers = stub.exportNames.map((name) => factory.createExportSpecifier(false, undefined, exportName(tsApi, name)));
    const statement =
      specifiers.length === 0
        ? factory.createExportDeclaration(undefined, false, factory.createNamedExports([]), undefined)
        : factory.createExportDeclaration(undefined, false, factory.createNamedExports(specifiers), factory.createStringLiteral(stub.clientModule));
    return factory.updateSourceFile(sourceFile, [statement]);
  };
}
