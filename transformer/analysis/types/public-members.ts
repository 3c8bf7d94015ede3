import type ts from 'typescript';

/**
 * Is the member part of its type's declared shape? `private`, `protected` and `#private` members of a class
 * are not: they are neither described nor sent (DESIGN: only public members cross).
 */
export function isPublicMember(tsApi: typeof ts, member: ts.Symbol): boolean {
  return (member.getDeclarations() ?? []).every((declaration) => {
    const name = tsApi.getNameOfDeclaration(declaration);
    if (name && tsApi.isPrivateIdentifier(name)) return false;
    return !(tsApi.getCombinedModifierFlags(declaration) & (tsApi.ModifierFlags.Private | tsApi.ModifierFlags.Protected));
  });
}
