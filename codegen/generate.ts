import { CLIENT_REFERENCES_MODULE, CLIENT_TYPES_MODULE } from '../model/client-layout.js';
import { emitClientReferences } from './client-references.js';
import { emitClientModule, emitClientTypes } from './client.js';
import { emitClientIndex } from './client-index.js';
import { usesActionReferences, type Model } from '../model/model.js';
import type { ModuleScript, ScriptFormat } from './module-script.js';
import { RevivalPlanner } from '../model/revival.js';
import { GENERATED_HEADER } from './naming.js';
import { emitOpenApi } from './openapi.js';
import { emitOpenApiDocument } from './openapi-document.js';
import { emitRoutes } from './routes.js';

/** The OpenAPI document's module in the generated directory (routes.ts imports `./openapi-document.js`). */
export const OPENAPI_DOCUMENT_MODULE = 'openapi-document';

/** The generated client: declarations (`client/….d.ts`) and scripts (`client/….js`), by path relative to the generated directory. */
interface GeneratedClient {
  declarations: Map<string, string>;
  scripts: Map<string, ModuleScript>;
}

function generateClient(model: Model, withDeclarations: boolean): GeneratedClient {
  const client: GeneratedClient = { declarations: new Map(), scripts: new Map() };
  if (withDeclarations) client.declarations.set(`client/${CLIENT_TYPES_MODULE}.d.ts`, emitClientTypes(model));
  const planner = new RevivalPlanner(model.schemas);
  for (const module of model.modules) {
    const pair = emitClientModule(model, module.moduleId, planner, withDeclarations);
    client.declarations.set(`client/${module.moduleId}.d.ts`, pair.declarations);
    client.scripts.set(`client/${module.moduleId}.js`, pair.script);
  }
  if (usesActionReferences(model)) {
    client.declarations.set(`client/${CLIENT_REFERENCES_MODULE}.d.ts`, `${GENERATED_HEADER}\nexport {};\n`);
    client.scripts.set(`client/${CLIENT_REFERENCES_MODULE}.js`, emitClientReferences(model, planner));
  }
  const index = emitClientIndex(model);
  client.declarations.set('client/index.d.ts', index.declarations);
  client.scripts.set('client/index.js', index.script);
  return client;
}

/**
 * Every generated file, by its path relative to the generated directory, in a stable order. The client is
 * declarations (`.d.ts`) beside scripts (`.js`, ES modules unless `format` says otherwise): the compiler parses
 * the declarations but neither checks (with `skipLibCheck`) nor emits them, which keeps thousands of actions
 * cheap to build; so is the OpenAPI document's module. `routes.ts` stays TypeScript: it imports the project's own
 * modules and is compiled with them.
 */
export function generateFiles(model: Model, format: ScriptFormat = 'esm'): Map<string, string> {
  const files = new Map<string, string>();
  const openApi = emitOpenApi(model);
  files.set('openapi.json', openApi);
  const document = emitOpenApiDocument(openApi);
  files.set(`${OPENAPI_DOCUMENT_MODULE}.d.ts`, document.declarations);
  files.set(`${OPENAPI_DOCUMENT_MODULE}.js`, document.script.render(format));
  files.set('routes.ts', emitRoutes(model));
  const client = generateClient(model, true);
  for (const [name, declarations] of client.declarations) {
    files.set(name, declarations);
    const scriptName = name.replace(/\.d\.ts$/, '.js');
    const script = client.scripts.get(scriptName);
    if (script) files.set(scriptName, script.render(format));
  }
  return files;
}

/** The generated client's scripts alone, in `format` (for a build that emits CommonJS where they land). */
export function generateClientScripts(model: Model, format: ScriptFormat): Map<string, string> {
  const scripts = new Map<string, string>();
  for (const [name, script] of generateClient(model, false).scripts) scripts.set(name, script.render(format));
  return scripts;
}

/** The generated scripts a server build's output needs beside what the compiler emits: the client's and the OpenAPI document's. */
export function generateServerScripts(model: Model, format: ScriptFormat): Map<string, string> {
  const scripts = generateClientScripts(model, format);
  scripts.set(`${OPENAPI_DOCUMENT_MODULE}.js`, emitOpenApiDocument(emitOpenApi(model)).script.render(format));
  return scripts;
}
