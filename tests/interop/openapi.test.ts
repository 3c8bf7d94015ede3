import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tmpRoot } from '../helpers/paths.js';
import { redoclyLint } from '../helpers/redocly.js';
import { emitOpenApi } from '../../codegen/openapi.js';
import type { ApiSecurity } from '../../model/model.js';
import { usersModel } from '../codegen/models.js';

const sampleDir = join(repoRoot, 'sample');
const specPath = join(sampleDir, 'generated', 'openapi.json');
const workDir = join(tmpRoot, 'interop');
const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', name);

beforeAll(() => {
  mkdirSync(workDir, { recursive: true });
});

describe('the sample spec in standard OpenAPI tools', () => {
  it('passes @redocly/cli lint (struct, no-unresolved-refs, operation-operationId-unique, path-parameters-defined) without a warning', () => {
    const result = redoclyLint(specPath);
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.output).not.toMatch(/You have \d+ warning/);
    expect(result.status).toBe(0);
  });

  it('declares the session cookie the sample authenticates with (its tsconfig sets "security"), optional, and no operation overrides it', () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    expect(spec.components.securitySchemes).toEqual({ cookieAuth: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'sample_session' }) });
    expect(spec.security).toEqual([{ cookieAuth: [] }, {}]);
    const operations = Object.values(spec.paths as Record<string, Record<string, object>>).flatMap((item) => Object.values(item));
    for (const operation of operations) expect(operation).not.toHaveProperty('security');
  });

  it.each<ApiSecurity>([
    { kind: 'cookie', name: 'sid', required: true },
    { kind: 'header', name: 'X-Api-Key', required: false },
    { kind: 'http', scheme: 'bearer', required: true },
    { kind: 'http', scheme: 'basic', required: false },
  ])('passes the lint, security-defined included, with the security option %o', (security) => {
    const path = join(workDir, `security-${security.kind}-${String(security.required)}.json`);
    writeFileSync(path, emitOpenApi({ ...usersModel, security }));
    const result = redoclyLint(path);
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.output).not.toMatch(/You have \d+ warning/);
    expect(result.status).toBe(0);
  });

  it('lists the errors the sample’s actions throw (in their bodies and in lib/auth.ts) as their responses, by code', () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    const responses = (path: string): Record<string, { content?: Record<string, { schema: { allOf: Array<{ properties?: { code?: object } }> } }> }> => spec.paths[path].post.responses;
    const codeOf = (path: string, status: string): object | undefined => responses(path)[status]!.content!['application/problem+json']!.schema.allOf[1]!.properties!.code;
    expect(Object.keys(responses('/actions/app/actions/createUser'))).toEqual(['200', '400', '401', '403', '409', '422', 'default']);
    expect(codeOf('/actions/app/actions/createUser', '401')).toEqual({ type: 'string', const: 'not-signed-in' });
    expect(codeOf('/actions/app/actions/createUser', '409')).toEqual({ type: 'string', const: 'email-taken' });
    expect(codeOf('/actions/app/actions/createUser', '422')).toEqual({ type: 'string', const: 'weak-password' });
    expect(Object.keys(responses('/actions/app/session/signIn'))).toEqual(['200', '400', '401', 'default']);
    expect(codeOf('/actions/app/session/signIn', '401')).toEqual({ type: 'string', const: 'bad-credentials' });
    expect(Object.keys(responses('/actions/app/session/whoAmI'))).toEqual(['200', '400', 'default']);
  });

  it('passes the same lint for the spec of every type family (tuples, maps, discriminators, recursion)', () => {
    const fixture = join(repoRoot, 'tests', 'fixtures', 'types');
    // without the "security" option the document declares no requirement (it knows none); security-defined wants one
    const result = redoclyLint(join(fixture, 'src', 'generated', 'openapi.json'), ['security-defined']);
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.output).not.toMatch(/You have \d+ warning/);
    expect(result.status).toBe(0);
  });

  it('passes the same lint for typed forms: files as binary content, repeated fields, multipart-only and urlencoded bodies (the inline fixture)', () => {
    const spec = join(repoRoot, 'tests', 'fixtures', 'inline', 'src', 'generated', 'openapi.json');
    expect(readFileSync(spec, 'utf8')).toContain('"contentMediaType": "application/octet-stream"');
    const result = redoclyLint(spec, ['security-defined']);
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.output).not.toMatch(/You have \d+ warning/);
    expect(result.status).toBe(0);
  });

  it('would fail the lint when the spec broke (the check can fail)', () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    spec.paths['/actions/app/actions/fetchUsers'].post.responses['200'].content['application/json'].schema.items = { $ref: '#/components/schemas/Nope' };
    spec.paths['/actions/app/session/signIn'].post.operationId = spec.paths['/actions/app/actions/fetchUsers'].post.operationId;
    const broken = join(workDir, 'broken.json');
    writeFileSync(broken, JSON.stringify(spec));
    const result = redoclyLint(broken);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/no-unresolved-refs/);
    expect(result.output).toMatch(/operation-operationId-unique/);
  });

  it('gives openapi-typescript types that compile and agree with the generated client', () => {
    const generated = spawnSync(bin('openapi-typescript'), [specPath, '-o', join(workDir, 'openapi-types.ts')], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(generated.status).toBe(0);
    const client = join(sampleDir, 'generated', 'client', 'index.js');
    writeFileSync(
      join(workDir, 'agree.ts'),
      `import type { components, paths } from './openapi-types.js';
import type { NewUser, User } from ${JSON.stringify(client)};
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Theirs = components['schemas'];
type Body<P extends keyof paths> = paths[P]['post'] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type Ok<P extends keyof paths> = paths[P]['post']['responses'] extends { 200: { content: { 'application/json': infer R } } } ? R : never;
export const agree: [
  Equal<Omit<Theirs['User'], 'joinedAt'>, Omit<User, 'joinedAt'>>,
  Equal<Theirs['User']['joinedAt'], string>,
  Equal<Omit<Theirs['NewUser'], 'joinedAt'>, Omit<NewUser, 'joinedAt'>>,
  Equal<Body<'/actions/app/session/signIn'>, { email: string; password: string }>,
  Equal<Ok<'/actions/app/actions/fetchUsers'>, Theirs['User'][]>,
  Equal<Ok<'/actions/app/session/whoAmI'>, Theirs['User'] | null>,
] = [true, true, true, true, true, true];
`,
    );
    writeFileSync(
      join(workDir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['agree.ts'] }),
    );
    const compiled = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(workDir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });
});
