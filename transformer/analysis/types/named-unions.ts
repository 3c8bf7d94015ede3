import type ts from 'typescript';
import type { TypeContext } from './type-context.js';

/**
 * A named union (an enum, a type alias of a union) inside a larger union. The checker flattens
 * `Role | undefined`, `Status | null` and the `undefined` that `role?: Role` adds into one union of literals
 * with neither name left; where every member of a named union is there, the name can stand for them.
 */
export interface NamedUnion {
  type: ts.Type;
  members: ReadonlySet<ts.Type>;
}

function isNamedUnion(context: TypeContext, type: ts.Type): type is ts.UnionType {
  if (!(type.flags & context.ts.TypeFlags.Union)) return false;
  return type.aliasSymbol !== undefined || Boolean((type.getSymbol()?.flags ?? 0) & context.ts.SymbolFlags.Enum);
}

/** The enum type a member of an enum belongs to (`Role` for `Role.Admin`). */
function enumOf(context: TypeContext, member: ts.Type): ts.Type | undefined {
  const { ts: tsApi, checker } = context;
  if (!(member.flags & tsApi.TypeFlags.EnumLiteral) || member.flags & tsApi.TypeFlags.Union) return undefined;
  const declaration = member.getSymbol()?.valueDeclaration;
  if (!declaration || !tsApi.isEnumMember(declaration)) return undefined;
  const enumSymbol = checker.getSymbolAtLocation(declaration.parent.name);
  return enumSymbol ? checker.getDeclaredTypeOfSymbol(enumSymbol) : undefined;
}

/** The members a union type node writes, parentheses and nested unions flattened (`(A | B) | null` → A, B, null). */
export function writtenMembers(tsApi: typeof ts, node: ts.TypeNode): ts.TypeNode[] {
  if (tsApi.isParenthesizedTypeNode(node)) return writtenMembers(tsApi, node.type);
  if (tsApi.isUnionTypeNode(node)) return node.types.flatMap((member) => writtenMembers(tsApi, member));
  return [node];
}

/**
 * The types a property or parameter is written with (`status?: Status | null` → Status, null), for the names
 * they carry. A property of a mapped type (`Partial<T>`) has the declarations of the property it maps.
 */
export function writtenTypes(context: TypeContext, declarations: readonly ts.Declaration[] = []): ts.Type[] {
  const { ts: tsApi } = context;
  return declarations.flatMap((declaration) => {
    if (!(tsApi.isPropertySignature(declaration) || tsApi.isPropertyDeclaration(declaration) || tsApi.isParameter(declaration)) || !declaration.type) return [];
    return typesOfNodes(context, writtenMembers(tsApi, declaration.type));
  });
}

/** The types an async function's result is written with: `Promise<Status | undefined>` → Status, undefined. */
export function writtenResultTypes(context: TypeContext, returnType: ts.TypeNode | undefined): ts.Type[] {
  const { ts: tsApi } = context;
  if (!returnType || !tsApi.isTypeReferenceNode(returnType) || returnType.typeArguments?.length !== 1) return [];
  return typesOfNodes(context, writtenMembers(tsApi, returnType.typeArguments[0] as ts.TypeNode));
}

function typesOfNodes(context: TypeContext, nodes: readonly ts.TypeNode[]): ts.Type[] {
  return nodes.map((node) => context.checker.getTypeFromTypeNode(node));
}

/**
 * The named unions whose every member is among `members`: the enums those members belong to, and the named
 * unions the declaration was written with. Standing for exactly the same values, the name changes nothing but
 * what the schema and the client call the type.
 */
export function namedUnionsAmong(context: TypeContext, members: readonly ts.Type[], written: readonly ts.Type[]): NamedUnion[] {
  const present = new Set(members);
  const candidates = new Set<ts.Type>(written.filter((type) => isNamedUnion(context, type)));
  for (const member of members) {
    const owner = enumOf(context, member);
    if (owner && isNamedUnion(context, owner)) candidates.add(owner);
  }
  return [...candidates]
    .map((type) => ({ type, members: new Set((type as ts.UnionType).types) }))
    .filter((named) => [...named.members].every((member) => present.has(member)));
}
