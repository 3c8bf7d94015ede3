import { isFormAction, type Model } from '../model/model.js';
import { embeddedJson } from './embedded-json.js';
import type { RoutesModel } from '../model/routes-model.js';
import { GENERATED_HEADER } from './naming.js';

/** The part of the model the server runtime compiles validators and serializers from. */
export function routesModel(model: Model): RoutesModel {
  return {
    version: model.version,
    schemas: model.schemas,
    actions: model.actions.map((action) => ({
      route: action.route,
      params: action.params,
      ...(action.returns ? { returns: action.returns } : {}),
      ...(action.stream ? { stream: action.stream } : {}),
      form: isFormAction(action),
      ...(action.form?.fields ? { formFields: action.form.fields } : {}),
      mayReturnNothing: Boolean(action.mayReturnNothing),
      ...(action.inline ? { bound: action.inline.bound } : {}),
    })),
  };
}

export function emitRoutes(model: Model): string {
  const imported = [...model.modules, ...(model.inlineModules ?? [])];
  const moduleIndex = new Map(imported.map((module, index) => [module.moduleId, index]));
  const exports = model.actions.map((action) => ({
    module: moduleIndex.get(action.moduleId) ?? 0,
    name: action.exportName,
    moduleId: action.moduleId,
    ...(action.inline ? { inline: true } : {}),
  }));
  const lines = [
    GENERATED_HEADER,
    `import type { ActionExport, ActionRouter, ActionRouterOptions, RouteDefinition, RoutesModel } from 'actionwire/internal/server';`,
    `import { buildActionRouter, defineModuleRoutes } from 'actionwire/internal/server';`,
    ...imported.map((module, index) => `import * as m${index} from ${JSON.stringify(module.importPath)};`),
    '',
    `/** Every action's route and parameter and return types, as data: actionwire/server compiles each action's validator and serializer from them on its first call. */`,
    `const model: RoutesModel = ${embeddedJson(routesModel(model))};`,
    '',
    `/** Where each action lives: its module below, and its export (a hoisted one for an inline action). */`,
    `const actionExports: readonly ActionExport[] = ${embeddedJson(exports)};`,
    '',
    `/** Every action's route, validator, serializer and function: what createActionRouter mounts. */`,
    `export const actionRoutes: readonly RouteDefinition[] = defineModuleRoutes(model, actionExports${imported.map((_module, index) => `, m${index}`).join('')});`,
    '',
    `/** A @koa/router Router serving every server action under ${JSON.stringify(model.basePath)} (and, with \`docs\`, openapi.json and an API reference page). */`,
    `export function createActionRouter(options: ActionRouterOptions = {}): ActionRouter {`,
    `  return buildActionRouter(actionRoutes, ${JSON.stringify(model.basePath)}, options, async () => (await import('./openapi-document.js')).openApiText);`,
    `}`,
  ];
  return lines.join('\n') + '\n';
}
