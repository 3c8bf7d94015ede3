import { CLIENT_REFERENCES_MODULE, CLIENT_TYPES_MODULE } from '../model/client-layout.js';
import { allPlans, answerPlans, clientAction, type AnswerPlans } from './client-action.js';
import { printErrorAnswers } from './client-errors.js';
import { embeddedJson } from './embedded-json.js';
import { clientActions, holdsActionReference, resultTypes, usesActionReferences, type Action, type Model } from '../model/model.js';
import { GENERATED_HEADER, moduleExportName, propertyAccess, propertyKey, singleQuoted } from './naming.js';
import { RevivalPlanner } from '../model/revival.js';
import { referencedSchemaNames } from '../model/type-refs.js';
import { ModuleScript } from './module-script.js';
import { ACTION_FUNCTION_TYPE, docComment, printActionFunction, printType, type SchemaTable } from './ts-type.js';

/** A generated client file as its two halves: declarations for the compiler, JavaScript to run. */
export interface ClientFilePair {
  declarations: string;
  script: ModuleScript;
}

/** `client/_types.d.ts`: every named type, as interfaces and aliases (types only: no JavaScript). */
export function emitClientTypes(model: Model): string {
  const schemas = schemaTable(model);
  const declarations = model.schemas.map((schema) => {
    const doc = docComment(schema.description, '');
    return schema.type.kind === 'object'
      ? `${doc}export interface ${schema.name} ${printType(schema.type, '', schemas)}`
      : `${doc}export type ${schema.name} = ${printType(schema.type, '', schemas)};`;
  });
  // a named type holding an action types it as the client function a reference becomes
  const imports = model.schemas.some((schema) => holdsActionReference(schema.type)) ? `${actionFunctionImport()}\n\n` : '';
  return `${GENERATED_HEADER}\n${imports}${declarations.join('\n\n')}\n${declarations.length === 0 ? 'export {};\n' : ''}`;
}

function actionFunctionImport(): string {
  return `import type { ActionFunction as ${ACTION_FUNCTION_TYPE} } from 'actionwire/client';`;
}

function relativePrefix(moduleId: string): string {
  const depth = moduleId.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

const schemaTables = new WeakMap<Model, SchemaTable>();

function schemaTable(model: Model): SchemaTable {
  let table = schemaTables.get(model);
  if (!table) {
    table = new Map(model.schemas.map((schema) => [schema.name, schema.type]));
    schemaTables.set(model, table);
  }
  return table;
}

function functionType(model: Model, action: Action): string {
  return printActionFunction(action, '  ', schemaTable(model), printErrorAnswers(action.errors));
}

/** The local name a default-exported action's declaration takes in a client module's declarations. */
const DEFAULT_EXPORT_LOCAL = '__actionwire_default';

/** `client/<moduleId>.d.ts`: the module's actions with their signatures, and `bind(call)` for `createClient`. */
function clientModuleDeclarations(model: Model, moduleId: string, actions: readonly Action[]): string {
  const names = new Set<string>();
  for (const action of actions) {
    action.params.forEach((param) => referencedSchemaNames(param.type, names));
    resultTypes(action).forEach((type) => referencedSchemaNames(type, names));
  }
  const typeNames = [...names].sort();
  // A type named like one of the module's actions stays importable from client/index; here the name is the action's.
  const exportNames = new Set(actions.map((action) => action.exportName));
  const reexported = typeNames.filter((name) => !exportNames.has(name));
  const typesPath = `${relativePrefix(moduleId)}${CLIENT_TYPES_MODULE}${model.importExtension}`;
  // `$` locals: no schema name has one, so a project's own types `Caller` and `ActionFunction` keep their names
  const lines = [GENERATED_HEADER, actionFunctionImport(), `import type { Caller as Caller$ } from 'actionwire/internal/client';`];
  if (typeNames.length > 0) lines.push(`import type { ${typeNames.join(', ')} } from ${singleQuoted(typesPath)};`);
  if (reexported.length > 0) lines.push(`export type { ${reexported.join(', ')} } from ${singleQuoted(typesPath)};`);
  lines.push('', `/** This module's actions, calling through \`call\` (see \`createClient\`). */`, `export declare function bind(call: Caller$): {`);
  for (const action of actions) lines.push(`${docComment(action.description, '  ')}  readonly ${propertyKey(action.exportName)}: ${functionType(model, action)};`);
  lines.push(`};`);
  for (const action of actions) {
    // the doc comment goes before `export`: TypeScript reads no documentation from a comment between modifiers
    const doc = docComment(action.description, '');
    if (action.exportName === 'default') lines.push('', `${doc}declare const ${DEFAULT_EXPORT_LOCAL}: ${functionType(model, action)};`, `export default ${DEFAULT_EXPORT_LOCAL};`);
    else if (action.clientLocal === undefined) lines.push('', `${doc}export declare const ${action.exportName}: ${functionType(model, action)};`);
    else lines.push('', `${doc}declare const ${action.clientLocal}: ${functionType(model, action)};`, `export { ${action.clientLocal} as ${moduleExportName(action.exportName)} };`);
  }
  return lines.join('\n') + '\n';
}

/** `client/<moduleId>.js`: the module's actions as data, bound to the default caller (and by `bind` to another). */
function clientModuleScript(model: Model, moduleId: string, actions: readonly Action[], planner: RevivalPlanner): ModuleScript {
  const plans = actions.map((action) => answerPlans(planner, action));
  const shape = {
    version: model.version,
    actions: Object.fromEntries(
      actions.map((action, index) => [action.exportName, clientAction(model, action, plans[index] as AnswerPlans)]),
    ),
    plans: Object.fromEntries(planner.referencedPlans(allPlans(plans))),
  };
  const script = new ModuleScript().importNamed(['bindActions', 'defaultCaller'], 'actionwire/internal/client');
  if (usesActionReferences(model)) script.importForEffect(`${relativePrefix(moduleId)}${CLIENT_REFERENCES_MODULE}${model.importExtension}`);
  script.blank().code(
    `/** The data's format, then each action's path, parameter names, form (1, or 2 when optional) and result revival (Dates, bigints, Maps…), then the named plans. */`,
    `const actionShapes = ${embeddedJson(shape)};`,
    '',
    `/** This module's actions, calling through \`call\` (see \`createClient\`). */`,
  );
  script.exportFunction('bind', `function bind(call) {\n  return bindActions(call, actionShapes);\n}`).blank().code(`const bound = bind(defaultCaller);`);
  for (const action of actions) {
    const value = propertyAccess('bound', action.exportName);
    if (action.exportName === 'default') script.exportDefault(value);
    else if (action.clientLocal === undefined) script.exportConst(action.exportName, value);
    else script.code(`const ${action.clientLocal} = ${value};`).exportLocals([[action.clientLocal, action.exportName]]);
  }
  return script;
}

/**
 * `client/<moduleId>.d.ts` and `client/<moduleId>.js`: one function per action, same export names and
 * signatures as the server module. The actions travel as data that the script parses at load time; the
 * compiler reads only the declarations (and, with `skipLibCheck`, does not check them). `planner`: one for the
 * whole model (it decides revival for every named schema when made).
 */
export function emitClientModule(model: Model, moduleId: string, planner = new RevivalPlanner(model.schemas), withDeclarations = true): ClientFilePair {
  const actions = clientActions(model, moduleId);
  return {
    declarations: withDeclarations ? clientModuleDeclarations(model, moduleId, actions) : '',
    script: clientModuleScript(model, moduleId, actions, planner),
  };
}
