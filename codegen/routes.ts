import { isFormAction, type Model } from '../model/model.js';
import type { RoutesModel } from '../model/routes-model.js';
import { GENERATED_HEADER, rawTemplateText } from './naming.js';

/** The part of the model the server runtime compiles validators and serializers from. */
export function routesModel(model: Model): RoutesModel {
  return {
    schemas: model.schemas,
    actions: model.actions.map((action) => ({
      route: action.route,
      params: action.params,
      ...(action.returns ? { returns: action.returns } : {}),
      form: isFormAction(action),
      mayReturnNothing: Boolean(action.mayReturnNothing),
      ...(action.inline ? { bound: action.inline.bound } : {}),
    })),
  };
}

export function emitRoutes(model: Model): string {
  const imported = [...model.modules, ...(model.inlineModules ?? [])];
  const moduleNames = new Map(imported.map((module, index) => [module.moduleId, `m${index}`]));
  // a module namespace object has no prototype, so a plain read cannot reach Object.prototype; a hoisted
  // inline action exists only in the emitted JavaScript, so its module's type does not show it
  const functions = model.actions.map((action) => {
    const module = moduleNames.get(action.moduleId) ?? 'm0';
    return action.inline
      ? `  inlineAction(${module}, ${JSON.stringify(action.exportName)}, ${JSON.stringify(action.moduleId)}),`
      : `  ${module}[${JSON.stringify(action.exportName)}],`;
  });
  const inline = model.actions.some((action) => action.inline);
  const lines = [
    GENERATED_HEADER,
    `import type { ActionRouter, ActionRouterOptions, RouteDefinition, RoutesModel } from 'actionwire/server';`,
    `import { buildActionRouter, defineActionRoutes${inline ? ', inlineAction' : ''} } from 'actionwire/server';`,
    ...imported.map((module) => `import * as ${moduleNames.get(module.moduleId)} from ${JSON.stringify(module.importPath)};`),
    '',
    `/** Every action's route and parameter and return types, as data: actionwire/server compiles each action's validator and serializer from them on its first call. */`,
    `const model: RoutesModel = JSON.parse(String.raw\`${rawTemplateText(JSON.stringify(routesModel(model)))}\`);`,
    '',
    `/** Every action's route, validator, serializer and function: what createActionRouter mounts. */`,
    `export const actionRoutes: readonly RouteDefinition[] = defineActionRoutes(model, [`,
    ...functions,
    `]);`,
    '',
    `/** A @koa/router Router serving every server action under ${JSON.stringify(model.basePath)}. */`,
    `export function createActionRouter(options: ActionRouterOptions = {}): ActionRouter {`,
    `  return buildActionRouter(actionRoutes, ${JSON.stringify(model.basePath)}, options);`,
    `}`,
  ];
  return lines.join('\n') + '\n';
}
