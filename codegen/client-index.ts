import { CLIENT_REFERENCES_MODULE, CLIENT_TYPES_MODULE } from '../model/client-layout.js';
import { usesActionReferences, type Model } from '../model/model.js';
import type { ClientFilePair } from './client.js';
import { ModuleScript } from './module-script.js';
import { GENERATED_HEADER, joinedLines, singleQuoted } from './naming.js';

/** `client/index.d.ts` and `client/index.js`: each module as a namespace, and `createClient(options)`. */
export function emitClientIndex(model: Model): ClientFilePair {
  const modules = model.modules.map((module) => ({ id: module.moduleId, name: module.namespace }));
  const references = usesActionReferences(model);
  const namespaceImports = modules.map((module) => `import * as ${module.name} from ${singleQuoted(`./${module.id}${model.importExtension}`)};`);
  const clientExports = `export { configureClient, ActionError${references ? ', fromReference' : ''} } from 'actionwire/client';`;
  const namespaceExports = modules.length > 0 ? `export { ${modules.map((module) => module.name).join(', ')} };` : '';
  const doc = `/** Every module's actions bound to a ky instance of their own. */`;
  const declarations = [
    GENERATED_HEADER,
    `import type { ClientOptions } from 'actionwire/client';`,
    ...namespaceImports,
    '',
    clientExports,
    `export type { ClientOptions } from 'actionwire/client';`,
    `export type * from ${singleQuoted(`./${CLIENT_TYPES_MODULE}${model.importExtension}`)};`,
    namespaceExports,
    '',
    doc,
    `export declare function createClient(options?: ClientOptions): {`,
    ...modules.map((module) => `  ${module.name}: ReturnType<typeof ${module.name}.bind>;`),
    `};`,
  ];
  const script = new ModuleScript().importNamed(['createCaller'], 'actionwire/internal/client');
  for (const module of modules) script.importNamespace(module.name, `./${module.id}${model.importExtension}`);
  if (references) script.importForEffect(`./${CLIENT_REFERENCES_MODULE}${model.importExtension}`);
  script
    .blank()
    .reexport(['configureClient', 'ActionError', ...(references ? ['fromReference'] : [])], 'actionwire/client')
    .exportLocals(modules.map((module) => [module.name, module.name]))
    .blank()
    .code(doc)
    .exportFunction(
      'createClient',
      [`function createClient(options = {}) {`, `  const call = createCaller(options);`, `  return {`, ...modules.map((module) => `    ${module.name}: ${module.name}.bind(call),`), `  };`, `}`].join('\n'),
    );
  return { declarations: joinedLines(declarations), script };
}
