import { DecoderEmitter } from './decoder.js';
import { EncoderEmitter } from './encoder.js';
import { isFormAction, type Model } from '../model/model.js';
import { GENERATED_HEADER, rawTemplateText } from './naming.js';
import { RevivalPlanner } from '../model/revival.js';

export function emitRoutes(model: Model): string {
  const planner = new RevivalPlanner(model.schemas);
  const decoders = new DecoderEmitter(model.schemas, planner);
  const encoders = new EncoderEmitter(model.schemas);
  const moduleNames = new Map(model.modules.map((module, index) => [module.moduleId, `m${index}`]));

  const actionFunctions: string[] = [];
  const table: string[] = [];
  const entries = model.actions.map((action, index) => {
    actionFunctions.push(decoders.actionDecoder(action, `decode${index}`));
    if (action.returns) actionFunctions.push(encoders.actionEncoder(action.returns, `encode${index}`));
    table.push(`  [decode${index}, ${action.returns ? `encode${index}` : 'undefined'}],`);
    const module = moduleNames.get(action.moduleId) ?? 'm0';
    // a module namespace object has no prototype, so a plain read cannot reach Object.prototype
    const target = `${module}[${JSON.stringify(action.exportName)}]`;
    const fields = [
      `route: ${JSON.stringify(action.route)}`,
      `decode: functions.decoder(${index})`,
      `form: ${isFormAction(action)}`,
      action.returns ? `encode: functions.encoder(${index})` : `encode: undefined`,
      `mayReturnNothing: ${Boolean(action.mayReturnNothing)}`,
      `action: ${target}`,
    ];
    return `  { ${fields.join(', ')} },`;
  });

  const source = [...decoders.hoisted(), ...encoders.hoisted(), ...actionFunctions, `return [\n${table.join('\n')}\n];`].join('\n\n');
  const lines = [
    GENERATED_HEADER,
    `import type { ActionRouter, ActionRouterOptions, RouteDefinition } from 'actionwire/server';`,
    `import { buildActionRouter, compileRouteFunctions } from 'actionwire/server';`,
    ...model.modules.map((module) => `import * as ${moduleNames.get(module.moduleId)} from '${module.importPath}';`),
    '',
    `/**`,
    ` * Each action's validator (decodeN: checks and revives the arguments, collecting every problem) and`,
    ` * serializer (encodeN: writes the declared part of the result as JSON). They are JavaScript that`,
    ` * actionwire/server compiles once, when this module loads, so TypeScript does not check them again on every build.`,
    ` */`,
    `const functions = compileRouteFunctions(${JSON.stringify(model.basePath)}, String.raw\``,
    rawTemplateText(source),
    `\`);`,
    '',
    `/** Every action's route, validator, serializer and function: what createActionRouter mounts. */`,
    `export const actionRoutes: readonly RouteDefinition[] = [`,
    ...entries,
    `];`,
    '',
    `/** A @koa/router Router serving every server action under ${JSON.stringify(model.basePath)}. */`,
    `export function createActionRouter(options: ActionRouterOptions = {}): ActionRouter {`,
    `  return buildActionRouter(actionRoutes, ${JSON.stringify(model.basePath)}, options);`,
    `}`,
  ];
  return lines.join('\n') + '\n';
}
