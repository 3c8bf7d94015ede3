import { emitOpenApi } from '../../codegen/openapi.js';
import type { ApiSecurity, Model } from '../../model/model.js';
import { usersModel } from './models.js';

interface Document {
  security?: unknown;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { securitySchemes?: Record<string, unknown> };
}

function documentOf(model: Model): Document {
  return JSON.parse(emitOpenApi(model)) as Document;
}

function operations(document: Document): Array<Record<string, unknown>> {
  return Object.values(document.paths).flatMap((item) => Object.values(item));
}

describe('OpenAPI security', () => {
  it('without the security option, claims nothing: no security key in the document or any operation', () => {
    const document = documentOf(usersModel);
    expect(document).not.toHaveProperty('security');
    expect(document.components).not.toHaveProperty('securitySchemes');
    expect(operations(document).length).toBeGreaterThan(0);
    for (const operation of operations(document)) expect(operation).not.toHaveProperty('security');
  });

  it.each<[string, ApiSecurity, Record<string, unknown>, unknown[]]>([
    [
      'a session cookie, optional (the default)',
      { kind: 'cookie', name: 'sample_session', required: false },
      { cookieAuth: { type: 'apiKey', in: 'cookie', name: 'sample_session', description: expect.stringContaining('cookies()') } },
      [{ cookieAuth: [] }, {}],
    ],
    [
      'an API key header, required',
      { kind: 'header', name: 'X-Api-Key', required: true },
      { headerAuth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: expect.stringContaining('headers()') } },
      [{ headerAuth: [] }],
    ],
    [
      'a bearer token in Authorization',
      { kind: 'http', scheme: 'bearer', required: false },
      { httpAuth: { type: 'http', scheme: 'bearer', description: expect.stringContaining('headers()') } },
      [{ httpAuth: [] }, {}],
    ],
  ])('declares %s as a security scheme and the document-level requirement', (_what, security, schemes, requirement) => {
    const document = documentOf({ ...usersModel, security });
    expect(document.components.securitySchemes).toEqual(schemes);
    expect(document.security).toEqual(requirement);
    for (const operation of operations(document)) expect(operation).not.toHaveProperty('security');
  });
});
