import type ts from 'typescript';
import { writtenMembers } from './named-unions.js';
import type { TypeContext } from './type-context.js';

/** Where a declaration is written: its file, then its offset in the file. */
interface SourcePosition {
  fileName: string;
  offset: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePositions(a: SourcePosition, b: SourcePosition): number {
  return compareText(a.fileName, b.fileName) || a.offset - b.offset;
}

/** The first place among `declarations` (by file, then offset), if any. */
function firstPosition(declarations: readonly ts.Declaration[] | undefined): SourcePosition | undefined {
  const positions = (declarations ?? []).map((declaration) => ({ fileName: declaration.getSourceFile().fileName, offset: declaration.getStart() }));
  return positions.sort(comparePositions)[0];
}

/** Absent positions last; two absent positions are left to the next rule. */
function compareOptionalPositions(a: SourcePosition | undefined, b: SourcePosition | undefined): number {
  if (a && b) return comparePositions(a, b);
  return a ? -1 : b ? 1 : 0;
}

/**
 * Properties in the order the source declares them (file, then offset), not the checker's: the properties of
 * `Omit<…>` or `Pick<…>` come in the order the checker first created their key literals. Properties with no
 * declaration (the keys of `Record<'a' | 'b', T>`) follow, by name.
 */
export function propertiesInSourceOrder(properties: readonly ts.Symbol[]): ts.Symbol[] {
  return [...properties].sort(
    (a, b) => compareOptionalPositions(firstPosition(a.getDeclarations()), firstPosition(b.getDeclarations())) || compareText(a.getName(), b.getName()),
  );
}

/** Types with a declaration (enum members, interfaces) by file and offset, before the rest, which go by their text. */
function compareByDeclaration(context: TypeContext, a: ts.Type, b: ts.Type): number {
  const position = (type: ts.Type): SourcePosition | undefined => firstPosition((type.aliasSymbol ?? type.getSymbol())?.getDeclarations());
  return compareOptionalPositions(position(a), position(b)) || compareText(context.checker.typeToString(a), context.checker.typeToString(b));
}

/**
 * The members of `types` as the source writes them: a type alias of a union expands to the members its
 * declaration writes, in that order (`type Status = 'open' | 'closed'`), nested aliases included; a union
 * no declaration writes (`Ticket['status']`) expands to its members in declaration order.
 */
function writtenOrder(context: TypeContext, types: readonly ts.Type[], seen = new Set<ts.Type>()): ts.Type[] {
  const { ts: tsApi, checker } = context;
  return types.flatMap((type) => {
    if (seen.has(type)) return [];
    seen.add(type);
    if (!(type.flags & tsApi.TypeFlags.Union)) return [type];
    const declaration = type.aliasSymbol?.getDeclarations()?.find(tsApi.isTypeAliasDeclaration);
    const members = declaration
      ? writtenMembers(tsApi, declaration.type).map((node) => checker.getTypeFromTypeNode(node))
      : [...(type as ts.UnionType).types].sort((a, b) => compareByDeclaration(context, a, b));
    return [type, ...writtenOrder(context, members, seen)];
  });
}

/**
 * The members of a union in an order that depends only on the source, not on which of them the checker
 * created first (TypeScript 6 orders a union by type creation, TypeScript 7 by value): first those the
 * declaration writes (`written`, and the union's own alias), in the order written; then those with a
 * declaration (enum members, interfaces), by file and offset; then the rest by their text.
 */
export function unionMembersInSourceOrder(context: TypeContext, union: ts.UnionType, members: readonly ts.Type[], written: readonly ts.Type[]): ts.Type[] {
  const order = writtenOrder(context, [...written, union]);
  const rank = (type: ts.Type): number => {
    const index = order.indexOf(type);
    return index === -1 ? order.length : index;
  };
  return [...members].sort((a, b) => rank(a) - rank(b) || compareByDeclaration(context, a, b));
}
