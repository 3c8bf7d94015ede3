import type ts from 'typescript';
import type { TypeContext } from './type-context.js';

/** Declared in TypeScript's lib files or in a dependency, not in the user's code. */
export function declaredInLibrary(symbol: ts.Symbol): boolean {
  const declarations = symbol.getDeclarations() ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const file = declaration.getSourceFile();
      return file.hasNoDefaultLib || /[\\/]node_modules[\\/]/.test(file.fileName);
    })
  );
}

function argumentName(context: TypeContext, type: ts.Type): string {
  const wanted = schemaNameFor(context, type);
  if (wanted) return wanted;
  return context.checker
    .typeToString(type)
    .replace(/\[\]/g, 'Array')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The component name a type should get, or undefined to inline it: the user's interfaces, classes,
 * enums and type aliases are named; generic instantiations add their arguments (`Page<User>` → `Page_User`).
 */
export function schemaNameFor(context: TypeContext, type: ts.Type): string | undefined {
  const { ts: tsApi, checker } = context;
  const alias = type.aliasSymbol;
  if (alias && !declaredInLibrary(alias)) {
    const args = type.aliasTypeArguments ?? [];
    return [alias.getName(), ...args.map((arg) => argumentName(context, arg))].join('_');
  }
  const symbol = type.getSymbol();
  if (!symbol || declaredInLibrary(symbol)) return undefined;
  if (symbol.flags & tsApi.SymbolFlags.Enum) return symbol.getName();
  if (symbol.flags & (tsApi.SymbolFlags.Interface | tsApi.SymbolFlags.Class) && type.flags & tsApi.TypeFlags.Object) {
    const reference = type as ts.TypeReference;
    const isReference = Boolean((type as ts.ObjectType).objectFlags & tsApi.ObjectFlags.Reference);
    // A class or interface reference also carries its `this` type as a last argument.
    const declared = isReference ? (reference.target.typeParameters?.length ?? 0) : 0;
    const args = isReference ? checker.getTypeArguments(reference).slice(0, declared) : [];
    return [symbol.getName(), ...args.map((arg) => argumentName(context, arg))].join('_');
  }
  return undefined;
}
