import { CLIENT_REFERENCES_MODULE, CLIENT_TYPES_MODULE } from '../model/client-layout.js';
import { emitClientReferences } from './client-references.js';
import { emitClientIndex, emitClientModule, emitClientTypes } from './client.js';
import { usesActionReferences, type Model } from '../model/model.js';
import { RevivalPlanner } from '../model/revival.js';
import { emitOpenApi } from './openapi.js';
import { emitRoutes } from './routes.js';

/** Every generated file, by its path relative to the generated directory, in a stable order. */
export function generateFiles(model: Model): Map<string, string> {
  const files = new Map<string, string>();
  files.set('openapi.json', emitOpenApi(model));
  files.set('routes.ts', emitRoutes(model));
  files.set(`client/${CLIENT_TYPES_MODULE}.ts`, emitClientTypes(model));
  const planner = new RevivalPlanner(model.schemas);
  for (const module of model.modules) {
    files.set(`client/${module.moduleId}.ts`, emitClientModule(model, module.moduleId, planner));
  }
  if (usesActionReferences(model)) files.set(`client/${CLIENT_REFERENCES_MODULE}.ts`, emitClientReferences(model, planner));
  files.set('client/index.ts', emitClientIndex(model));
  return files;
}
