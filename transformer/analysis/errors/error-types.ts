import type ts from 'typescript';

/** One `ActionError<Status, Code>` type as the analysis reads it. */
export interface ErrorType {
  /** the status's literal values; undefined when the status is no literal type (a computed `number`) */
  statuses: number[] | undefined;
  /** the code's literal values */
  codes: string[];
  /** the code is not a literal type (`ActionError<503>`, `new ActionError(503, '…')`): the answer may carry none */
  mayOmitCode: boolean;
  /** a code is given but is no literal type (a computed string): the answer may carry any code */
  anyCode?: boolean;
}

/**
 * Where actionwire/server declares its `ActionError` class and `mayThrow`: the package's own declaration files
 * (or sources), whichever copy of the package the project resolves.
 */
const SERVER_DECLARATIONS = {
  ActionError: /[\\/]runtime[\\/]server[\\/]action-error\.(d\.)?ts$/,
  mayThrow: /[\\/]runtime[\\/]server[\\/]may-throw\.(d\.)?ts$/,
} as const;

/** Is the symbol actionwire/server's `ActionError` or `mayThrow` (not a project's own function of that name)? */
export function isServerExport(symbol: ts.Symbol | undefined, name: keyof typeof SERVER_DECLARATIONS): boolean {
  if (symbol === undefined || symbol.getName() !== name) return false;
  return (symbol.getDeclarations() ?? []).some((declaration) => SERVER_DECLARATIONS[name].test(declaration.getSourceFile().fileName));
}

function literalValues<T extends number | string>(tsApi: typeof ts, type: ts.Type, flag: ts.TypeFlags): T[] | undefined {
  const members = type.flags & tsApi.TypeFlags.Union ? (type as ts.UnionType).types : [type];
  if (!members.every((member) => member.flags & flag)) return undefined;
  return members.map((member) => (member as ts.LiteralType).value as T);
}

/** The statuses and codes of an `ActionError<Status, Code>` instance type; undefined for another type. */
export function readErrorType(tsApi: typeof ts, checker: ts.TypeChecker, type: ts.Type): ErrorType | undefined {
  if (!isServerExport(type.getSymbol(), 'ActionError')) return undefined;
  const [status, code] = checker.getTypeArguments(type as ts.TypeReference);
  if (status === undefined || code === undefined) return undefined;
  const statuses = literalValues<number>(tsApi, status, tsApi.TypeFlags.NumberLiteral);
  const codes = literalValues<string>(tsApi, code, tsApi.TypeFlags.StringLiteral);
  return { statuses: statuses?.sort((a, b) => a - b), codes: (codes ?? []).sort(), mayOmitCode: codes === undefined };
}

/** The members of a declared union (`ActionError<402, 'declined'> | ActionError<503>`), each read as an error type. */
export function readDeclaredErrors(tsApi: typeof ts, checker: ts.TypeChecker, type: ts.Type): ErrorType[] {
  const members = type.flags & tsApi.TypeFlags.Union ? (type as ts.UnionType).types : [type];
  return members.flatMap((member) => readErrorType(tsApi, checker, member) ?? []);
}
