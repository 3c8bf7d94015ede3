/**
 * The plain-data model that the analysis produces and every emitter consumes.
 * It is JSON-serializable and versioned (model/version.ts: the generated files carry the version and the
 * runtime checks it); emitters never see `typescript`.
 */
import type { MODEL_VERSION } from './version.js';

export { MODEL_VERSION } from './version.js';

export type TypeNode =
  | { kind: 'string' }
  | { kind: 'number'; integer?: boolean }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; items: TypeNode; readonly?: boolean }
  /** `[A, B?, ...C[]]`: the first `minItems` items are required */
  | { kind: 'tuple'; items: TypeNode[]; minItems: number; rest?: TypeNode; readonly?: boolean }
  /** `additional`: the type of undeclared keys' values (index signatures, Record); `numericKeys`: those keys are numbers (`{ [k: number]: T }`) */
  | { kind: 'object'; properties: Property[]; additional?: TypeNode; numericKeys?: boolean }
  | { kind: 'union'; members: TypeNode[] }
  | { kind: 'ref'; name: string }
  | { kind: 'date' }
  /** a decimal string on the wire */
  | { kind: 'bigint' }
  /** base64 on the wire */
  | { kind: 'bytes' }
  /** an array of [key, value] pairs on the wire */
  | { kind: 'map'; key: TypeNode; value: TypeNode; readonly?: boolean }
  /** an array on the wire */
  | { kind: 'set'; items: TypeNode; readonly?: boolean }
  | { kind: 'unknown' }
  /**
   * A server action as a value (an async function type in a return value): `{"$action": route, "bound"?: seal}`
   * on the wire (the `ActionReference` schema), a function with this signature on the client.
   */
  | { kind: 'action'; params: Parameter[]; form?: FormParameter; returns?: TypeNode };

export interface Property {
  name: string;
  type: TypeNode;
  optional: boolean;
  description?: string;
}

export interface NamedSchema {
  name: string;
  type: TypeNode;
  description?: string;
}

export interface Parameter {
  name: string;
  type: TypeNode;
  optional: boolean;
}

interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Action {
  /** module path relative to the root directory, without extension, `/`-separated */
  moduleId: string;
  /** the export name; `default` for a default export */
  exportName: string;
  /** the route below the base path: `${moduleId}/${exportName}` */
  route: string;
  /** the JSON body's parameters; empty for a form action */
  params: Parameter[];
  /** the action's single parameter is FormData: its body is multipart/form-data or urlencoded, not JSON */
  form?: FormParameter;
  /** `undefined` when the action resolves to `void` */
  returns?: TypeNode;
  /** the return type also admits `undefined`, answered with 204 */
  mayReturnNothing?: boolean;
  /** a streaming action (its awaited return type is an async iterable or a ReadableStream): answered as server-sent events; `returns` is then absent */
  stream?: StreamShape;
  description?: string;
  source: SourceLocation;
  /** Present for an action written inline (`'use server'` in a function body), which the transformer hoists. */
  inline?: InlineAction;
  /**
   * The error answers the action declares (the `ActionError`s found in its body and the project functions it calls,
   * and those it declares with `mayThrow`), one per status, sorted by status. Absent: none.
   */
  errors?: DeclaredError[];
  /**
   * The identifier that holds this action in its generated client module when the export name cannot
   * (not an identifier, a reserved word, or a name the client module uses itself):
   * `const a_b = bound["a-b"]; export { a_b as "a-b" };`. Absent: the export name is that identifier.
   * Decided by the analysis.
   */
  clientLocal?: string;
}

/** One status an action's errors can answer with, and the problem `code`s those answers carry. */
export interface DeclaredError {
  status: number;
  /** sorted */
  codes: string[];
  /** some error of this status is made without a code: the answer may have none */
  mayOmitCode?: boolean;
  /** some error of this status is made with a code that is no literal type (computed): the answer may carry any code */
  anyCode?: boolean;
}

/**
 * An inline action: its `exportName` is the module-level export the transformer hoists it to (the function
 * takes the bound values as its first argument), its route is `${moduleId}/${path}`.
 */
interface InlineAction {
  /** the enclosing functions' names and its own, `.`-separated (`Page.updatePost`); unique in its module */
  path: string;
  /** the variables it captures from enclosing functions, sorted by name: sealed into every reference to it */
  bound: Parameter[];
}

/**
 * What a streaming action yields: `item` per `event: message`, and `result` (the async generator's return value,
 * absent when it returns nothing) in its `event: done`.
 */
export interface StreamShape {
  item: TypeNode;
  result?: TypeNode;
}

export interface FormParameter {
  name: string;
  optional: boolean;
  /** declared with `FormFields<{…}>`: the fields the form must have, validated by the router; absent for a plain `FormData` */
  fields?: FormField[];
}

/**
 * One field of a typed form (`FormFields<{ title: string; photo?: File }>`), in declaration order. A `repeated` field
 * (an array) is given any number of times, absent meaning none; any other field at most once.
 */
export interface FormField {
  name: string;
  /** `text`: a string (one of `values`, sorted, when the type is a string literal union); `file`: a File or Blob */
  kind: 'text' | 'file';
  values?: string[];
  repeated: boolean;
  optional: boolean;
}

export interface ActionModule {
  moduleId: string;
  /** import specifier of the server module, relative to the generated directory */
  importPath: string;
  /**
   * The module's namespace in the generated client/index.js (and index.d.ts) and its key in `createClient()`
   * (`app/users` → `appUsers`): an identifier, unique among the modules, decided by the analysis.
   */
  namespace: string;
}

/**
 * How callers authenticate, from the plugin option `security`: declared in the OpenAPI document, never
 * enforced by the routes (each action reads the cookie or header and decides). `required: false`: an
 * action may also be called without it.
 */
export type ApiSecurity =
  | { kind: 'cookie'; name: string; required: boolean }
  | { kind: 'header'; name: string; required: boolean }
  | { kind: 'http'; scheme: string; required: boolean };

export interface Model {
  version: typeof MODEL_VERSION;
  basePath: string;
  title: string;
  /** absent: the document says nothing about authentication */
  security?: ApiSecurity;
  /** the plugin option `openapiVersion`: '3.2' writes an OpenAPI 3.2 document (streams with `itemSchema`); absent: 3.1 */
  openapiVersion?: '3.2';
  /** what relative imports between generated files end with: `.js` for Node16/NodeNext resolution, '' otherwise */
  importExtension: '.js' | '';
  modules: ActionModule[];
  actions: Action[];
  /** sorted by name */
  schemas: NamedSchema[];
  /**
   * Modules that hold inline actions but no file-level ones: routes.ts imports them, the client does not
   * (they have no client module and no namespace).
   */
  inlineModules?: InlineModule[];
}

export interface InlineModule {
  moduleId: string;
  /** import specifier of the module, relative to the generated directory */
  importPath: string;
}

export { BOUND_KEY } from './keys.js';

/** Does a type hold an action reference anywhere (named schemas are looked at by the caller)? */
export function holdsActionReference(type: TypeNode): boolean {
  switch (type.kind) {
    case 'action':
      return true;
    case 'array':
    case 'set':
      return holdsActionReference(type.items);
    case 'map':
      return holdsActionReference(type.key) || holdsActionReference(type.value);
    case 'tuple':
      return type.items.some(holdsActionReference) || (type.rest !== undefined && holdsActionReference(type.rest));
    case 'object':
      return type.properties.some((property) => holdsActionReference(property.type)) || (type.additional !== undefined && holdsActionReference(type.additional));
    case 'union':
      return type.members.some(holdsActionReference);
    default:
      return false;
  }
}

const referenceUse = new WeakMap<Model, boolean>();

/** Can the server hand actions to the client as values: does some action's result, or some named type, hold a reference, or is some action inline? */
export function usesActionReferences(model: Model): boolean {
  let uses = referenceUse.get(model);
  if (uses === undefined) {
    uses =
      model.actions.some((action) => action.inline !== undefined || resultTypes(action).some(holdsActionReference)) ||
      model.schemas.some((schema) => holdsActionReference(schema.type));
    referenceUse.set(model, uses);
  }
  return uses;
}

/** Every type an action's answer carries: its return value's, or its stream's item and result types. */
export function resultTypes(action: Pick<Action, 'returns' | 'stream'>): TypeNode[] {
  if (action.stream) return action.stream.result ? [action.stream.item, action.stream.result] : [action.stream.item];
  return action.returns ? [action.returns] : [];
}

/** The actions the generated client exports by name: inline actions reach it only as references. */
export function clientActions(model: Model, moduleId: string): Action[] {
  return model.actions.filter((action) => action.moduleId === moduleId && action.inline === undefined);
}

/** An action whose single parameter is FormData takes a form body instead of JSON. */
export function isFormAction(action: Action): action is Action & { form: FormParameter } {
  return action.form !== undefined;
}

/** Named values (parameters, captured variables) as the object type whose keys they are: a JSON body, sealed bound values. */
export function parametersObject(params: readonly Parameter[]): Extract<TypeNode, { kind: 'object' }> {
  return { kind: 'object', properties: params.map((param) => ({ name: param.name, type: param.type, optional: param.optional })) };
}

/** The action's parameter names in order (a form action's one). */
export function parameterNames(action: Action): string[] {
  return isFormAction(action) ? [action.form.name] : action.params.map((param) => param.name);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
