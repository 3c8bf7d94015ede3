import { DecoderEmitter } from './decoder.js';
import { EncoderEmitter } from './encoder.js';
import { isFormAction, type Model } from './model.js';
import { GENERATED_HEADER, ownPropertyRead } from './naming.js';
import { RevivalPlanner } from './revival.js';

/** The validation and serialization helpers of `actionwire/server` that generated code may call. */
const RUNTIME_HELPERS = ['big', 'bool', 'bytes', 'date', 'fromBase64', 'isBase64', 'isBigIntText', 'int', 'isDateTime', 'json', 'keyCount', 'lit', 'mismatch', 'nul', 'num', 'oneOf', 'pointerToken', 'setOwn', 'str', 'unknownKeys'];

export function emitRoutes(model: Model): string {
  const planner = new RevivalPlanner(model.schemas);
  const decoders = new DecoderEmitter(model.schemas, planner);
  const encoders = new EncoderEmitter(model.schemas);
  const moduleNames = new Map(model.modules.map((module, index) => [module.moduleId, `m${index}`]));

  const actionFunctions: string[] = [];
  const entries = model.actions.map((action, index) => {
    actionFunctions.push(decoders.actionDecoder(action, `decode${index}`));
    if (action.returns) actionFunctions.push(encoders.actionEncoder(action.returns, `encode${index}`));
    const module = moduleNames.get(action.moduleId) ?? 'm0';
    const target = ownPropertyRead(module, action.exportName).replace(/^\((.*)\)$/, '$1');
    const fields = [
      `route: ${JSON.stringify(action.route)}`,
      `decode: decode${index}`,
      `form: ${isFormAction(action)}`,
      action.returns ? `encode: encode${index}` : `encode: undefined`,
      `mayReturnNothing: ${Boolean(action.mayReturnNothing)}`,
      `run: (args: unknown[]) => ${target}(...(args as Parameters<typeof ${target}>))`,
    ];
    return `  { ${fields.join(', ')} },`;
  });

  const code = [...decoders.hoisted(), ...encoders.hoisted(), ...actionFunctions].join('\n\n');
  const helpers = RUNTIME_HELPERS.filter((helper) => new RegExp(`\\b${helper}\\(`).test(code));
  const lines = [
    GENERATED_HEADER,
    `import type Router from '@koa/router';`,
    `import type { ActionRouterOptions, Issue, RouteDefinition } from 'actionwire/server';`,
    `import { ${['buildActionRouter', ...helpers].join(', ')} } from 'actionwire/server';`,
    ...model.modules.map((module) => `import * as ${moduleNames.get(module.moduleId)} from '${module.importPath}';`),
    '',
    code,
    '',
    `/** Every action's route, validator, serializer and function: what createActionRouter mounts. */`,
    `export const actionRoutes: readonly RouteDefinition[] = [`,
    ...entries,
    `];`,
    '',
    `/** A @koa/router Router serving every server action under ${JSON.stringify(model.basePath)}. */`,
    `export function createActionRouter(options: ActionRouterOptions = {}): Router {`,
    `  return buildActionRouter(actionRoutes, ${JSON.stringify(model.basePath)}, options);`,
    `}`,
  ];
  return lines.join('\n') + '\n';
}
