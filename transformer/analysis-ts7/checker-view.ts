import type * as Ast from 'typescript-7/unstable/ast';
import type * as Sync from 'typescript-7/unstable/sync';
import type { TypeScript7 } from './typescript-7-modules.js';

/**
 * TypeScript 7's checker objects with the members of TypeScript 6's `ts.Type`, `ts.Symbol`, `ts.Signature` and
 * `ts.TypeChecker` that the analysis reads. One view per object (keyed by the checker's id), so identity
 * comparisons and maps keyed by types work as on TypeScript 6; every answer that costs a call to the compiler
 * is asked once.
 */
export class CheckerView {
  private readonly types = new Map<number, TypeView>();
  private readonly symbols = new Map<number, SymbolView>();
  private readonly signatures = new Map<number, SignatureView>();
  private readonly texts = new Map<number, string>();
  private readonly typesOfNodes = new Map<Ast.Node, TypeView | undefined>();
  private readonly symbolsAtNodes = new Map<Ast.Node, SymbolView | undefined>();
  private readonly exports = new Map<number, SymbolView[]>();
  private readonly aliased = new Map<number, SymbolView>();

  constructor(
    readonly typescript: TypeScript7,
    readonly checker: Sync.Checker,
    /** the project declarations are resolved in */
    readonly project: Sync.Project,
  ) {}

  type(type: Sync.Type): TypeView;
  type(type: Sync.Type | undefined): TypeView | undefined;
  type(type: Sync.Type | undefined): TypeView | undefined {
    if (type === undefined) return undefined;
    let view = this.types.get(type.id);
    if (!view) this.types.set(type.id, (view = new TypeView(this, type)));
    return view;
  }

  symbol(symbol: Sync.Symbol): SymbolView;
  symbol(symbol: Sync.Symbol | undefined): SymbolView | undefined;
  symbol(symbol: Sync.Symbol | undefined): SymbolView | undefined {
    if (symbol === undefined) return undefined;
    let view = this.symbols.get(symbol.id);
    if (!view) this.symbols.set(symbol.id, (view = new SymbolView(this, symbol)));
    return view;
  }

  signature(signature: Sync.Signature): SignatureView {
    let view = this.signatures.get(signature.id);
    if (!view) this.signatures.set(signature.id, (view = new SignatureView(this, signature)));
    return view;
  }

  // ts.TypeChecker
  getSymbolAtLocation(node: Ast.Node): SymbolView | undefined {
    if (!this.symbolsAtNodes.has(node)) this.symbolsAtNodes.set(node, this.symbol(this.checker.getSymbolAtLocation(node)));
    return this.symbolsAtNodes.get(node);
  }
  /** Asks for the symbols at many nodes in one call (the API takes arrays here), for the callees of a function body. */
  prefetchSymbolsAt(nodes: readonly Ast.Node[]): void {
    const missing = nodes.filter((node) => !this.symbolsAtNodes.has(node));
    if (missing.length < 2) return;
    const symbols = this.checker.getSymbolAtLocation(missing);
    missing.forEach((node, index) => this.symbolsAtNodes.set(node, this.symbol(symbols[index])));
  }
  getExportsOfModule(symbol: SymbolView): SymbolView[] {
    let exports = this.exports.get(symbol.raw.id);
    if (!exports) this.exports.set(symbol.raw.id, (exports = this.checker.getExportsOfModule(symbol.raw).map((each) => this.symbol(each))));
    return exports;
  }
  getAliasedSymbol(symbol: SymbolView): SymbolView {
    let target = this.aliased.get(symbol.raw.id);
    if (!target) this.aliased.set(symbol.raw.id, (target = this.symbol(this.checker.getAliasedSymbol(symbol.raw))));
    return target;
  }
  getTypeOfSymbolAtLocation(symbol: SymbolView, node: Ast.Node): TypeView {
    // where a symbol is declared, its type there is its declared type (no narrowing happens at a declaration)
    if (symbol.getDeclarations().includes(node)) return symbol.type();
    return this.type(this.checker.getTypeOfSymbolAtLocation(symbol.raw, node));
  }
  /** Asks for the types of many symbols in one call (the API takes arrays here), for the properties of a type. */
  prefetchTypes(symbols: readonly SymbolView[]): void {
    const missing = symbols.filter((symbol) => !symbol.hasType());
    if (missing.length < 2) return;
    const types = this.checker.getTypeOfSymbol(missing.map((symbol) => symbol.raw));
    missing.forEach((symbol, index) => symbol.setType(this.type(types[index])));
  }
  getTypeOfSymbol(symbol: SymbolView): TypeView {
    return symbol.type();
  }
  getDeclaredTypeOfSymbol(symbol: SymbolView): TypeView {
    return this.type(this.checker.getDeclaredTypeOfSymbol(symbol.raw));
  }
  getTypeFromTypeNode(node: Ast.TypeNode): TypeView | undefined {
    // the analysis reads the types a declaration is written with each time it meets the declaration
    if (!this.typesOfNodes.has(node)) this.prefetchWrittenTypes(node);
    if (!this.typesOfNodes.has(node)) this.typesOfNodes.set(node, this.type(this.checker.getTypeFromTypeNode(node)));
    return this.typesOfNodes.get(node);
  }
  /**
   * The analysis asks for the written types of a declaration's members one by one (named-unions.ts): the first
   * question about a member's type asks for those of all its siblings in one call. `getTypeAtLocation` takes
   * arrays, and on a type node it is `getTypeFromTypeNode`.
   */
  private prefetchWrittenTypes(node: Ast.Node): void {
    const { SyntaxKind: K } = this.typescript.ast;
    let member: Ast.Node | undefined = node;
    while (member && member.kind !== K.PropertySignature && member.kind !== K.PropertyDeclaration && member.kind !== K.Parameter) {
      if (member.kind !== K.UnionType && member.kind !== K.ParenthesizedType && member !== node) return;
      member = member.parent;
    }
    const container = member?.parent;
    if (!container) return;
    const nodes: Ast.Node[] = [];
    const written = (type: Ast.Node): void => {
      if (type.kind === K.ParenthesizedType || type.kind === K.UnionType) type.forEachChild((child) => written(child));
      else if (!this.typesOfNodes.has(type)) nodes.push(type);
    };
    container.forEachChild((sibling) => {
      if ((sibling.kind === K.PropertySignature || sibling.kind === K.PropertyDeclaration || sibling.kind === K.Parameter) && 'type' in sibling && sibling.type) written(sibling.type as Ast.Node);
    });
    if (nodes.length < 2) return;
    const types = this.checker.getTypeAtLocation(nodes);
    nodes.forEach((each, index) => this.typesOfNodes.set(each, this.type(types[index])));
  }
  getTypeAtLocation(node: Ast.Node): TypeView | undefined {
    return this.type(this.checker.getTypeAtLocation(node));
  }
  getNonNullableType(type: TypeView): TypeView {
    return type.nonNullable();
  }
  getTypeArguments(type: TypeView): TypeView[] {
    return type.typeArguments();
  }
  getPropertiesOfType(type: TypeView): SymbolView[] {
    return type.properties();
  }
  getIndexInfosOfType(type: TypeView): Array<{ keyType: TypeView; type: TypeView }> {
    return type.indexInfos();
  }
  isArrayType(type: TypeView): boolean {
    return type.isArray();
  }
  /** TypeScript 7's `isTupleType` is false on an instantiated tuple: the tuple flag is on its target. */
  isTupleType(type: TypeView): boolean {
    const { ObjectFlags } = this.typescript.sync;
    return Boolean(type.objectFlags & ObjectFlags.Reference) && Boolean((type.target?.objectFlags ?? 0) & ObjectFlags.Tuple);
  }
  typeToString(type: TypeView): string {
    let text = this.texts.get(type.id);
    if (text === undefined) this.texts.set(type.id, (text = this.checker.typeToString(type.raw)));
    return text;
  }
  getShorthandAssignmentValueSymbol(node: Ast.Node): SymbolView | undefined {
    return this.symbol(this.checker.getShorthandAssignmentValueSymbol(node));
  }
  getSignatureFromDeclaration(node: Ast.Node): SignatureView | undefined {
    const signature = this.checker.getSignatureFromDeclaration(node);
    return signature ? this.signature(signature) : undefined;
  }
  /**
   * TypeScript 7's API has no `getAwaitedType`: the type a `Promise<T>` or `PromiseLike<T>` of the standard
   * library resolves to, unwrapped as `await` does; any other type awaits to itself.
   */
  getAwaitedType(type: TypeView): TypeView {
    let current = type;
    for (;;) {
      const symbol = current.getSymbol();
      if (!symbol || (symbol.name !== 'Promise' && symbol.name !== 'PromiseLike') || !symbol.inLibrary()) return current;
      const [inner] = current.typeArguments();
      if (!inner) return current;
      current = inner;
    }
  }
}

export class SymbolView {
  private resolvedDeclarations: Ast.Node[] | undefined;
  private typeOfSymbol: TypeView | undefined;

  constructor(
    private readonly view: CheckerView,
    readonly raw: Sync.Symbol,
  ) {}

  get name(): string {
    return this.raw.name;
  }
  get escapedName(): string {
    return this.raw.escapedName;
  }
  get flags(): number {
    return this.raw.flags;
  }
  getName(): string {
    return this.raw.name;
  }
  getDeclarations(): Ast.Node[] {
    this.resolvedDeclarations ??= this.raw.declarations.flatMap((handle) => handle.resolve(this.view.project) ?? []);
    return this.resolvedDeclarations;
  }
  get declarations(): Ast.Node[] {
    return this.getDeclarations();
  }
  get valueDeclaration(): Ast.Node | undefined {
    // resolved nodes are the nodes of the project's cached syntax trees: the same objects getDeclarations() holds
    return this.raw.valueDeclaration?.resolve(this.view.project);
  }
  /** Declared only in the standard library or in node_modules, read from the declarations' paths without their syntax trees. */
  inLibrary(): boolean {
    return this.raw.declarations.length > 0 && this.raw.declarations.every((handle) => /[\\/]node_modules[\\/]/.test(handle.path));
  }
  hasType(): boolean {
    return this.typeOfSymbol !== undefined;
  }
  setType(type: TypeView | undefined): void {
    this.typeOfSymbol ??= type;
  }
  type(): TypeView {
    this.typeOfSymbol ??= this.view.type(this.view.checker.getTypeOfSymbol(this.raw));
    if (!this.typeOfSymbol) throw new Error(`TypeScript ${this.view.typescript.version} gave no type for the symbol ${this.raw.name}`);
    return this.typeOfSymbol;
  }
}

export class SignatureView {
  private parameters: SymbolView[] | undefined;
  private returnType: TypeView | undefined;

  constructor(
    private readonly view: CheckerView,
    readonly raw: Sync.Signature,
  ) {}

  getParameters(): SymbolView[] {
    if (!this.parameters) {
      const parameters = this.raw.getParameters().map((symbol) => this.view.symbol(symbol));
      this.view.prefetchTypes(parameters);
      this.parameters = parameters;
    }
    return this.parameters;
  }
  getReturnType(): TypeView {
    this.returnType ??= this.view.type(this.view.checker.getReturnTypeOfSignature(this.raw));
    if (!this.returnType) throw new Error(`TypeScript ${this.view.typescript.version} gave no return type for a signature`);
    return this.returnType;
  }
}

export class TypeView {
  private cache: {
    symbol?: SymbolView | null;
    aliasSymbol?: SymbolView | null;
    aliasTypeArguments?: TypeView[];
    types?: TypeView[];
    target?: TypeView | null;
    typeArguments?: TypeView[];
    typeParameters?: TypeView[];
    call?: SignatureView[];
    construct?: SignatureView[];
    properties?: SymbolView[];
    indexInfos?: Array<{ keyType: TypeView; type: TypeView }>;
    nonNullable?: TypeView;
    isArray?: boolean;
  } = {};

  constructor(
    private readonly view: CheckerView,
    readonly raw: Sync.Type,
  ) {}

  get id(): number {
    return this.raw.id;
  }
  get flags(): number {
    return this.raw.flags;
  }
  get objectFlags(): number {
    return (this.raw as Sync.ObjectType).objectFlags ?? 0;
  }
  get value(): unknown {
    return (this.raw as Sync.LiteralType).value;
  }
  get elementFlags(): readonly number[] {
    return (this.raw as Sync.TupleType).elementFlags ?? [];
  }
  get readonly(): boolean {
    return Boolean((this.raw as Sync.TupleType).readonly);
  }
  getSymbol(): SymbolView | undefined {
    if (this.cache.symbol === undefined) this.cache.symbol = this.view.symbol(this.raw.getSymbol()) ?? null;
    return this.cache.symbol ?? undefined;
  }
  get symbol(): SymbolView | undefined {
    return this.getSymbol();
  }
  get aliasSymbol(): SymbolView | undefined {
    if (this.cache.aliasSymbol === undefined) this.cache.aliasSymbol = this.view.symbol(this.raw.getAliasSymbol()) ?? null;
    return this.cache.aliasSymbol ?? undefined;
  }
  get aliasTypeArguments(): TypeView[] | undefined {
    if (!this.aliasSymbol) return undefined;
    this.cache.aliasTypeArguments ??= this.raw.getAliasTypeArguments().map((type) => this.view.type(type));
    return this.cache.aliasTypeArguments;
  }
  /** A union's or intersection's members. */
  get types(): TypeView[] {
    this.cache.types ??= ((this.raw as Sync.UnionOrIntersectionType).getTypes?.() ?? []).map((type) => this.view.type(type));
    return this.cache.types;
  }
  /** A type reference's generic target (`Array` for `string[]`, the tuple type of a tuple). */
  get target(): TypeView | undefined {
    if (this.cache.target === undefined) {
      const { ObjectFlags } = this.view.typescript.sync;
      this.cache.target = this.objectFlags & ObjectFlags.Reference ? (this.view.type((this.raw as Sync.TypeReference).getTarget()) ?? null) : null;
    }
    return this.cache.target ?? undefined;
  }
  /** A class's or interface's type parameters (TypeScript 6's `typeParameters` of a reference's target). */
  get typeParameters(): TypeView[] | undefined {
    if (!(this.objectFlags & this.view.typescript.sync.ObjectFlags.ClassOrInterface)) return undefined;
    this.cache.typeParameters ??= (this.raw as Sync.InterfaceType).getTypeParameters().map((type) => this.view.type(type));
    return this.cache.typeParameters.length > 0 ? this.cache.typeParameters : undefined;
  }
  typeArguments(): TypeView[] {
    this.cache.typeArguments ??= this.objectFlags & this.view.typescript.sync.ObjectFlags.Reference ? this.view.checker.getTypeArguments(this.raw as Sync.TypeReference).map((type) => this.view.type(type)) : [];
    return this.cache.typeArguments;
  }
  getCallSignatures(): SignatureView[] {
    this.cache.call ??= this.signaturesOf(this.view.typescript.sync.SignatureKind.Call);
    return this.cache.call;
  }
  getConstructSignatures(): SignatureView[] {
    this.cache.construct ??= this.signaturesOf(this.view.typescript.sync.SignatureKind.Construct);
    return this.cache.construct;
  }
  properties(): SymbolView[] {
    if (!this.cache.properties) {
      const properties = this.view.checker.getPropertiesOfType(this.raw).map((symbol) => this.view.symbol(symbol));
      // every property's type is read next: one call for all of them
      this.view.prefetchTypes(properties);
      this.cache.properties = properties;
    }
    return this.cache.properties;
  }
  indexInfos(): Array<{ keyType: TypeView; type: TypeView }> {
    this.cache.indexInfos ??= this.view.checker.getIndexInfosOfType(this.raw).map((info) => ({ keyType: this.view.type(info.keyType), type: this.view.type(info.valueType) }));
    return this.cache.indexInfos;
  }
  nonNullable(): TypeView {
    this.cache.nonNullable ??= this.view.type(this.view.checker.getNonNullableType(this.raw)) ?? this;
    return this.cache.nonNullable;
  }
  isArray(): boolean {
    // only a reference (to Array or ReadonlyArray) can be one: no call for the others
    this.cache.isArray ??= Boolean(this.objectFlags & this.view.typescript.sync.ObjectFlags.Reference) && this.view.checker.isArrayType(this.raw);
    return this.cache.isArray;
  }

  private signaturesOf(kind: Sync.SignatureKind): SignatureView[] {
    // only object types have signatures; asking about the others would cost a call each
    if (!(this.flags & (this.view.typescript.sync.TypeFlags.Object | this.view.typescript.sync.TypeFlags.Intersection))) return [];
    return this.view.checker.getSignaturesOfType(this.raw, kind).map((signature) => this.view.signature(signature));
  }
}
