import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionwireCli, tspc, writeProject } from '../helpers/project.js';

const actions = { 'src/actions.ts': `'use server';\nexport async function f(): Promise<number> { return 1; }\n` };

function openApi(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'src', 'generated', 'openapi.json'), 'utf8')) as Record<string, unknown>;
}

describe('the "security" plugin option reaches openapi.json', () => {
  it('tspc: a session cookie becomes a security scheme, optional for every operation', () => {
    const dir = writeProject('security-cookie', actions, { plugin: { security: { cookie: 'sid' } } });
    const result = tspc(dir);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    const document = openApi(dir);
    expect(document['components']).toMatchObject({ securitySchemes: { cookieAuth: { type: 'apiKey', in: 'cookie', name: 'sid' } } });
    expect(document['security']).toEqual([{ cookieAuth: [] }, {}]);
  });

  it('actionwire generate reads the same option: a required bearer token', () => {
    const dir = writeProject('security-bearer', actions, { plugin: { security: { header: 'Authorization', scheme: 'bearer', required: true } } });
    const result = actionwireCli(dir, ['generate']);
    expect(result.status).toBe(0);
    const document = openApi(dir);
    expect(document['components']).toMatchObject({ securitySchemes: { httpAuth: { type: 'http', scheme: 'bearer' } } });
    expect(document['security']).toEqual([{ httpAuth: [] }]);
  });

  it('without it, the document has no security key at all (no operation claims to be anonymous)', () => {
    const dir = writeProject('security-none', actions);
    expect(tspc(dir).status).toBe(0);
    const text = readFileSync(join(dir, 'src', 'generated', 'openapi.json'), 'utf8');
    expect(text).not.toContain('"security"');
    expect(text).not.toContain('securitySchemes');
  });
});
