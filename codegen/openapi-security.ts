import { assertNever, type ApiSecurity } from '../model/model.js';
import type { JsonSchema } from './json-schema.js';

/** What the document adds for the `security` option: the scheme under `components.securitySchemes`, and the document-level requirement. */
export interface SecurityDeclaration {
  schemes: JsonSchema;
  /** `[{ scheme: [] }]`, or with `{}` after it when a call may go without (OpenAPI's "optional") */
  requirement: Array<Record<string, string[]>>;
}

/** `how` is where the actions read the credential; the description says that they, not the routes, decide. */
function readByActions(what: string, how: string): string {
  return `${what}, read by the actions themselves (\`${how}\` of actionwire/server): the routes pass it on and check nothing, each action decides.`;
}

export function securityDeclaration(security: ApiSecurity): SecurityDeclaration {
  const [name, scheme] = securityScheme(security);
  return { schemes: { [name]: scheme }, requirement: security.required ? [{ [name]: [] }] : [{ [name]: [] }, {}] };
}

function securityScheme(security: ApiSecurity): [string, JsonSchema] {
  switch (security.kind) {
    case 'cookie':
      return ['cookieAuth', { type: 'apiKey', in: 'cookie', name: security.name, description: readByActions(`The ${security.name} cookie`, 'cookies()') }];
    case 'header':
      return ['headerAuth', { type: 'apiKey', in: 'header', name: security.name, description: readByActions(`The ${security.name} header`, 'headers()') }];
    case 'http':
      return ['httpAuth', { type: 'http', scheme: security.scheme, description: readByActions(`Authorization: ${security.scheme} <credentials>`, 'headers()') }];
    default:
      return assertNever(security);
  }
}
