import { GENERATED_HEADER, rawTemplateText } from './naming.js';

/**
 * `openapi-document.ts`: the text of openapi.json as a module, so that a server deployed as its compiled
 * output alone (openapi.json is not copied there) can serve it; routes.ts imports it only when the router's
 * `docs` option is on. The JSON keeps its lines: a change to one action diffs as that action's lines.
 */
export function emitOpenApiDocument(openApiText: string): string {
  return [
    GENERATED_HEADER,
    `/** openapi.json, as the router's \`docs\` option serves it. */`,
    `export const openApiText: string = String.raw\`${rawTemplateText(openApiText)}\`;`,
    '',
  ].join('\n');
}
