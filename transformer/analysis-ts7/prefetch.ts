import type * as Ast from 'typescript-7/unstable/ast';
import type { CheckerView, SignatureView, SymbolView, TypeView } from './checker-view.js';
import type { PrefetchTask, RequestPipeline } from './pipelined-requests.js';

/** Library types the conversion reads no further than their type arguments (or not at all). */
const LIBRARY_CONTAINERS = new Set(['Array', 'ReadonlyArray', 'Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'Promise', 'PromiseLike']);
/** Library containers that are no arrays (no `isArrayType` question). */
const LIBRARY_COLLECTIONS = new Set(['Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'Promise', 'PromiseLike']);

function startsWithUseServer(ast: CheckerView['typescript']['ast'], file: Ast.SourceFile): boolean {
  const [first] = file.statements;
  return first !== undefined && ast.isExpressionStatement(first) && ast.isStringLiteral(first.expression) && first.expression.text === 'use server';
}

/**
 * Asks, ahead of the analysis and many requests at a time, what the analysis will ask about the actions of
 * `'use server'` modules: their exports, signatures, and every type their parameters and results reach, with
 * the properties, signatures, index infos, type arguments and written types `types/` reads. It only fills the
 * views' caches: what it misses, the analysis asks for itself, one request at a time; what it asks beyond the
 * analysis' needs costs a little time and nothing else.
 */
export function prefetchActionTypes(view: CheckerView, pipeline: RequestPipeline, files: readonly Ast.SourceFile[]): void {
  const { ast } = view.typescript;
  const { TypeFlags: F, ObjectFlags, SymbolFlags } = view.typescript.sync;
  /** The task that reads each type: a task can run many times (see RequestPipeline), so the first to start owns the type. */
  const owners = new Map<number, PrefetchTask>();
  const visit = (type: TypeView): PrefetchTask[] => (owners.has(type.id) ? [] : [typeTask(type)]);
  const K = ast.SyntaxKind;
  /** `(A | B) | null` → A, B, null, as named-unions.ts' writtenMembers reads them. */
  const writtenMembers = (node: Ast.Node): Ast.Node[] => {
    if (node.kind !== K.ParenthesizedType && node.kind !== K.UnionType) return [node];
    const members: Ast.Node[] = [];
    node.forEachChild((child) => {
      members.push(...writtenMembers(child));
    });
    return members;
  };
  const WRITTEN = new Set<number>([K.PropertySignature, K.PropertyDeclaration, K.Parameter, K.TypeAliasDeclaration]);

  /** The types a declaration's written type names (named-unions.ts), and a type alias' union members (source-order.ts). */
  const writtenTypesTask =
    (declarations: readonly Ast.Node[]): PrefetchTask =>
    () => {
      const types: TypeView[] = [];
      for (const declaration of declarations) {
        const written = WRITTEN.has(declaration.kind) && 'type' in declaration ? (declaration.type as Ast.Node | undefined) : undefined;
        if (!written) continue;
        for (const member of writtenMembers(written)) {
          const type = view.getTypeFromTypeNode(member as Ast.TypeNode);
          if (type) types.push(type);
        }
      }
      return types.flatMap(visit);
    };

  /** naming.ts names a generic instantiation by its arguments: by their own names, or by their text when they have none. */
  const argumentText = (type: TypeView): void => {
    const named = (symbol: SymbolView | undefined): boolean => symbol !== undefined && !symbol.inLibrary();
    if (!named(type.aliasSymbol) && !named(type.getSymbol())) view.typeToString(type);
  };

  const typeTask = (type: TypeView): PrefetchTask => {
    const task = (): readonly PrefetchTask[] => {
      const owner = owners.get(type.id);
      if (owner && owner !== task) return [];
      owners.set(type.id, task);
      const next: PrefetchTask[] = [];
      const flags = type.flags;
      if (flags & (F.Union | F.Intersection | F.Object)) {
        const alias = type.aliasSymbol;
        if (alias && !alias.inLibrary()) {
          next.push(writtenTypesTask(alias.getDeclarations()));
          (type.aliasTypeArguments ?? []).forEach(argumentText);
        }
      }
      if (flags & (F.Union | F.Intersection)) next.push(...type.types.flatMap(visit));
      // source-order.ts orders a union's members without a declaration (literals, primitives) by their text
      if (flags & F.Union) for (const member of type.types) if (!(member.flags & F.Object)) view.typeToString(member);
      if (flags & (F.Object | F.Intersection)) {
        const symbol = type.getSymbol();
        // library classes and interfaces (Date, Map, URL…) are read by name; Partial<T>, Pick<T, K>… are library mapped types read like the project's
        const library = Boolean(symbol?.inLibrary() && symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface) && !(symbol.flags & SymbolFlags.TypeLiteral));
        if (library && symbol?.name === 'Date') return [];
        if (type.objectFlags & ObjectFlags.Reference) {
          const typeArguments = type.typeArguments();
          // convert.ts reads Map, Set and Promise by name; it asks any other reference whether it is an array, then a tuple (from its target)
          if ((!library || !LIBRARY_COLLECTIONS.has(symbol?.name ?? '')) && !type.isArray()) void type.target;
          if (symbol && !symbol.inLibrary()) typeArguments.slice(0, type.target?.typeParameters?.length ?? 0).forEach(argumentText);
          next.push(...typeArguments.flatMap(visit));
        }
        if (!library || !LIBRARY_CONTAINERS.has(symbol?.name ?? '')) {
          const calls = type.getCallSignatures();
          if (calls.length === 0) type.getConstructSignatures();
          next.push(...calls.map(signatureTask));
          if (!library) {
            const properties = type.properties();
            next.push(...properties.map(propertyTask));
            next.push(...type.indexInfos().flatMap((info) => visit(info.type)));
          }
        }
      }
      return next;
    };
    return task;
  };

  const propertyTask =
    (property: SymbolView): PrefetchTask =>
    () => {
      if (property.flags & SymbolFlags.Method) return [];
      return [...visit(property.type()), writtenTypesTask(property.getDeclarations())];
    };

  const signatureTask =
    (signature: SignatureView): PrefetchTask =>
    () => {
      const parameters = signature.getParameters();
      const returned = signature.getReturnType();
      const next = parameters.flatMap((parameter) => [...visit(parameter.type()), writtenTypesTask(parameter.getDeclarations()), nonNullableTask(parameter.type())]);
      return [...next, ...visit(returned), awaitedTask(returned)];
    };

  const nonNullableTask =
    (type: TypeView): PrefetchTask =>
    () => {
      const nonNullable = type.nonNullable();
      nonNullable.getSymbol();
      return [];
    };

  const awaitedTask =
    (type: TypeView): PrefetchTask =>
    () => {
      const awaited = view.getAwaitedType(type);
      return visit(awaited);
    };

  const exportTask =
    (symbol: SymbolView): PrefetchTask =>
    () => {
      const target = symbol.flags & SymbolFlags.Alias ? view.getAliasedSymbol(symbol) : symbol;
      if (!(target.flags & SymbolFlags.Value)) return [];
      const declaration = target.valueDeclaration;
      const type = declaration ? view.getTypeOfSymbolAtLocation(target, declaration) : target.type();
      return [...type.getCallSignatures().map(signatureTask), writtenReturnTask(declaration)];
    };

  /** An async function's written result type's members (`Promise<Status | undefined>`: Status, undefined). */
  const writtenReturnTask =
    (declaration: Ast.Node | undefined): PrefetchTask =>
    () => {
      const written = declaration && 'type' in declaration ? (declaration.type as Ast.Node | undefined) : undefined;
      if (!written || written.kind !== K.TypeReference || !('typeArguments' in written)) return [];
      const [argument] = (written.typeArguments as readonly Ast.Node[] | undefined) ?? [];
      if (!argument) return [];
      return writtenMembers(argument).flatMap((member) => {
        const type = view.getTypeFromTypeNode(member as Ast.TypeNode);
        return type ? visit(type) : [];
      });
    };

  const moduleTask =
    (file: Ast.SourceFile): PrefetchTask =>
    () => {
      const moduleSymbol = view.getSymbolAtLocation(file);
      return moduleSymbol ? view.getExportsOfModule(moduleSymbol).map(exportTask) : [];
    };

  pipeline.run(files.filter((file) => startsWithUseServer(ast, file)).map(moduleTask));
}
