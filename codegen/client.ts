import { CLIENT_REFERENCES_MODULE, CLIENT_TYPES_MODULE } from '../model/client-layout.js';
import { clientActions, isFormAction, parameterNames, usesActionReferences, type Action, type Model } from '../model/model.js';
import { GENERATED_HEADER, moduleExportName, propertyAccess, propertyKey, rawTemplateText, singleQuoted } from './naming.js';
import { RevivalPlanner } from '../model/revival.js';
import { referencedSchemaNames } from '../model/type-refs.js';
import { printParameters, printType } from './ts-type.js';

export function emitClientTypes(model: Model): string {
  const declarations = model.schemas.map((schema) => {
    const doc = schema.description ? `/** ${schema.description.replace(/\*\//g, '*\\/')} */\n` : '';
    return schema.type.kind === 'object'
      ? `${doc}export interface ${schema.name} ${printType(schema.type)}`
      : `${doc}export type ${schema.name} = ${printType(schema.type)};`;
  });
  return `${GENERATED_HEADER}\n${declarations.join('\n\n')}\n${declarations.length === 0 ? 'export {};\n' : ''}`;
}

function relativePrefix(moduleId: string): string {
  const depth = moduleId.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

function functionType(action: Action): string {
  const result = action.returns ? printType(action.returns, '  ') : 'void';
  return `(${printParameters(action, '  ')}) => Promise<${result}>`;
}

/** `planner`: one for the whole model (it decides revival for every named schema when made). */
export function emitClientModule(model: Model, moduleId: string, planner = new RevivalPlanner(model.schemas)): string {
  const actions = clientActions(model, moduleId);
  const names = new Set<string>();
  for (const action of actions) {
    action.params.forEach((param) => referencedSchemaNames(param.type, names));
    if (action.returns) referencedSchemaNames(action.returns, names);
  }
  const typeNames = [...names].sort();
  // A type named like one of the module's actions stays importable from client/index.ts; here the name is the action's.
  const exportNames = new Set(actions.map((action) => action.exportName));
  const reexported = typeNames.filter((name) => !exportNames.has(name));
  const plans = actions.map((action) => (action.returns ? planner.plan(action.returns) : undefined));
  const sharedPlans = planner.referencedPlans(plans);
  const typesPath = `${relativePrefix(moduleId)}${CLIENT_TYPES_MODULE}${model.importExtension}`;

  const lines = [GENERATED_HEADER, `import type { Caller, ClientModuleShape } from 'actionwire/client';`, `import { bindActions, defaultCaller } from 'actionwire/client';`];
  if (typeNames.length > 0) lines.push(`import type { ${typeNames.join(', ')} } from ${singleQuoted(typesPath)};`);
  if (usesActionReferences(model)) lines.push(`import ${singleQuoted(`${relativePrefix(moduleId)}${CLIENT_REFERENCES_MODULE}${model.importExtension}`)};`);
  if (reexported.length > 0) lines.push(`export type { ${reexported.join(', ')} } from ${singleQuoted(typesPath)};`);
  lines.push('');
  // Plain data, parsed at load time: as code, TypeScript would check a function per action on every build.
  const shape = {
    actions: Object.fromEntries(
      actions.map((action, index) => [
        action.exportName,
        [
          `${model.basePath}/${action.route}`,
          parameterNames(action),
          isFormAction(action) ? (action.form.optional ? 2 : 1) : 0,
          plans[index] ?? 0,
        ],
      ]),
    ),
    plans: Object.fromEntries(sharedPlans),
  };
  lines.push(`/** Each action's path, parameter names, form (1, or 2 when optional) and result revival (Dates, bigints, Maps…), then the named plans. */`);
  lines.push(`const actionShapes: ClientModuleShape = JSON.parse(String.raw\`${rawTemplateText(JSON.stringify(shape))}\`);`, '');
  lines.push(`/** This module's actions, calling through \`call\` (see \`createClient\`). */`);
  lines.push(`export function bind(call: Caller): {`);
  for (const action of actions) {
    if (action.description) lines.push(`  /** ${action.description.replace(/\*\//g, '*\\/')} */`);
    lines.push(`  readonly ${propertyKey(action.exportName)}: ${functionType(action)};`);
  }
  lines.push(`} {`, `  return bindActions(call, actionShapes);`);
  lines.push(`}`, '', `const bound = bind(defaultCaller);`);
  for (const action of actions) {
    const value = propertyAccess('bound', action.exportName);
    if (action.exportName === 'default') lines.push(`export default bound.default;`);
    else if (action.clientLocal === undefined) lines.push(`export const ${action.exportName} = ${value};`);
    else lines.push(`const ${action.clientLocal} = ${value};`, `export { ${action.clientLocal} as ${moduleExportName(action.exportName)} };`);
  }
  return lines.join('\n') + '\n';
}

export function emitClientIndex(model: Model): string {
  const modules = model.modules.map((module) => ({ id: module.moduleId, name: module.namespace }));
  const lines = [
    GENERATED_HEADER,
    `import type { ClientOptions } from 'actionwire/client';`,
    `import { createCaller } from 'actionwire/client';`,
    ...modules.map((module) => `import * as ${module.name} from ${singleQuoted(`./${module.id}${model.importExtension}`)};`),
    '',
    ...(usesActionReferences(model) ? [`import ${singleQuoted(`./${CLIENT_REFERENCES_MODULE}${model.importExtension}`)};`] : []),
    '',
    `export { configureClient, ActionError${usesActionReferences(model) ? ', fromReference' : ''} } from 'actionwire/client';`,
    `export type { ClientOptions } from 'actionwire/client';`,
    `export type * from ${singleQuoted(`./${CLIENT_TYPES_MODULE}${model.importExtension}`)};`,
    modules.length > 0 ? `export { ${modules.map((module) => module.name).join(', ')} };` : '',
    '',
    `/** Every module's actions bound to a ky instance of their own. */`,
    `export function createClient(options: ClientOptions = {}) {`,
    `  const call = createCaller(options);`,
    `  return {`,
    ...modules.map((module) => `    ${module.name}: ${module.name}.bind(call),`),
    `  };`,
    `}`,
  ];
  return lines.filter((line, index) => line !== '' || lines[index - 1] !== '').join('\n') + '\n';
}
