import { ModuleScript } from './module-script.js';
import { GENERATED_HEADER, templateLiteral } from './naming.js';

/** The module's declaration and script, beside each other in the generated directory. */
export interface OpenApiDocumentModule {
  declarations: string;
  script: ModuleScript;
}

const DESCRIPTION = `/** openapi.json, as the router's \`docs\` option serves it. */`;

/**
 * `openapi-document.js` (and its `.d.ts`): the text of openapi.json as a module, so that a server deployed as its
 * compiled output alone (openapi.json is not copied there) can serve it; routes.ts imports it only when the
 * router's `docs` option is on. A script, not TypeScript: the compiler parses one line of declaration instead of
 * megabytes of template literal at thousands of actions, and emits nothing for it (the plugin writes the script
 * where the build's output goes). The JSON keeps its lines: a change to one action diffs as that action's lines.
 */
export function emitOpenApiDocument(openApiText: string): OpenApiDocumentModule {
  return {
    declarations: [GENERATED_HEADER, DESCRIPTION, 'export declare const openApiText: string;', ''].join('\n'),
    script: new ModuleScript().code(DESCRIPTION).exportConst('openApiText', templateLiteral(openApiText)),
  };
}
