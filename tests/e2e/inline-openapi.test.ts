import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { RouteDefinition } from 'actionwire/internal/server';
import { inlineDir, KEY_1, postAction, startInline } from '../helpers/inline-servers.js';
import { redoclyLint } from '../helpers/redocly.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * The OpenAPI document of the compiled inline fixture: an operation for every hoisted inline action, `$bound`
 * required exactly where the action captures values, action references as the `ActionReference` schema; the
 * whole document lints clean in @redocly/cli, and what a real server answers and accepts matches it (ajv).
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface MediaType {
  schema: JsonSchema;
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  [key: string]: unknown;
}
interface Operation {
  operationId: string;
  description?: string;
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { post: Operation }>;
  components: { schemas: Record<string, JsonSchema> };
}

const specPath = join(inlineDir, 'src', 'generated', 'openapi.json');
let spec: OpenApiDocument;
let routes: readonly RouteDefinition[];
let hoisted: string[];

beforeAll(async () => {
  spec = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;
  ({ actionRoutes: routes } = (await import(join(inlineDir, 'dist', 'generated', 'routes.js'))) as { actionRoutes: readonly RouteDefinition[] });
  const page = (await import(join(inlineDir, 'dist', 'posts', 'page.js'))) as Record<string, unknown>;
  hoisted = Object.keys(page).filter((name) => name.startsWith('__actionwire$'));
});

function operation(route: string): Operation {
  const path = spec.paths[`/actions/${route}`];
  if (path === undefined) throw new Error(`no operation for ${route}`);
  return path.post;
}

const INLINE = [
  'forms/typed/renamer.rename',
  'posts/page/PostPage.commenter',
  'posts/page/PostPage.commenter.addComment',
  'posts/page/PostPage.details.inspect',
  'posts/page/PostPage.ping',
  'posts/page/PostPage.rename',
  'posts/page/PostPage.updatePost',
];

describe('the inline fixture’s OpenAPI document', () => {
  it('has an operation for every action the router serves, each hoisted inline action among them', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths).sort()).toEqual(routes.map((definition) => `/actions/${definition.route}`).sort());
    expect(routes.filter((definition) => definition.bound !== undefined).map((definition) => definition.route).sort()).toEqual(INLINE);
    expect(hoisted.sort()).toEqual([
      '__actionwire$PostPage$commenter',
      '__actionwire$PostPage$commenter$addComment',
      '__actionwire$PostPage$details$inspect',
      '__actionwire$PostPage$ping',
      '__actionwire$PostPage$rename',
      '__actionwire$PostPage$updatePost',
    ]);
    const ids = Object.values(spec.paths).map((path) => path.post.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('requires $bound (a string) in every body of an action that captures, and in no other', () => {
    for (const definition of routes) {
      const captures = (definition.bound?.names.length ?? 0) > 0;
      const body = operation(definition.route).requestBody;
      if (!captures) {
        for (const media of Object.values(body?.content ?? {})) expect(media.schema.properties ?? {}).not.toHaveProperty('$bound');
        continue;
      }
      expect(body?.required).toBe(true);
      const media = Object.entries(body?.content ?? {});
      expect(media.length).toBeGreaterThan(0);
      for (const [, { schema }] of media) {
        expect(schema.required).toContain('$bound');
        expect(schema.properties?.['$bound']).toMatchObject({ type: 'string' });
      }
    }
    expect(Object.keys(operation('posts/page/PostPage.updatePost').requestBody?.content ?? {}).sort()).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data']);
    expect(operation('posts/page/PostPage.rename').requestBody?.content['application/json']?.schema.required?.sort()).toEqual(['$bound', 'title']);
  });

  it('describes action references with one ActionReference schema, wherever a return value holds one', () => {
    expect(spec.components.schemas['ActionReference']).toMatchObject({
      type: 'object',
      properties: { $action: { type: 'string' }, bound: { type: 'string' } },
      required: ['$action'],
      additionalProperties: false,
    });
    const reference = { $ref: '#/components/schemas/ActionReference' };
    const ok = (route: string): JsonSchema | undefined => operation(route).responses['200']?.content?.['application/json']?.schema;
    expect(ok('actions/logAction')).toEqual(reference);
    expect(ok('posts/page/PostPage.commenter')).toEqual(reference);
    const openPost = ok('actions/openPost');
    expect(openPost?.properties?.['ping']).toEqual(reference);
    expect(openPost?.properties?.['edit']?.['prefixItems']).toEqual([reference, reference]);
    expect(ok('actions/toolbox')?.properties).toMatchObject({ log: reference, read: reference, label: { type: 'string' } });
  });

  it('passes @redocly/cli lint (struct, no-unresolved-refs, operation-operationId-unique) without a warning', () => {
    // the fixture sets no "security" option, so its document declares no requirement; security-defined wants one
    const result = redoclyLint(specPath, ['security-defined']);
    const output = result.output;
    expect(output).toMatch(/Your API description is valid/);
    expect(output).not.toMatch(/You have \d+ warning/);
    expect(result.status).toBe(0);
  });
});

describe('a real server against the document (ajv, draft 2020-12)', () => {
  let server: ServerProcess;
  let within: (schema: JsonSchema) => ValidateFunction;
  beforeAll(async () => {
    server = await startInline({ secret: KEY_1 });
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true, ownProperties: true }));
    within = (schema) => ajv.compile({ ...schema, components: spec.components });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const response = (route: string): ValidateFunction => within(operation(route).responses['200']?.content?.['application/json']?.schema ?? {});
  const request = (route: string): ValidateFunction => within(operation(route).requestBody?.content['application/json']?.schema ?? {});

  it('answers with references the response schemas describe', async () => {
    for (const [route, body] of [
      ['actions/openPost', { id: '1' }],
      ['actions/logAction', {}],
      ['actions/toolbox', {}],
    ] as const) {
      const answer = await postAction(server, route, body);
      const validate = response(route);
      expect({ route, valid: validate(answer.body), errors: validate.errors ?? null }).toEqual({ route, valid: true, errors: null });
    }
  });

  it('takes the bodies the request schemas describe, and the schemas refuse a body without $bound as the server does', async () => {
    const opened = (await postAction(server, 'actions/openPost', { id: '1' })).body as { edit: Array<{ bound: string }>; more: { inspect: { bound: string } } };
    const withSeal = { title: 'Per the spec', $bound: opened.edit[1]?.bound };
    expect(request('posts/page/PostPage.rename')(withSeal)).toBe(true);
    expect((await postAction(server, 'posts/page/PostPage.rename', withSeal)).status).toBe(200);
    const inspected = await postAction(server, 'posts/page/PostPage.details.inspect', { note: 'n', $bound: opened.more.inspect.bound });
    expect(inspected.status).toBe(200);
    const validate = response('posts/page/PostPage.details.inspect');
    expect({ valid: validate(inspected.body), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    const withoutSeal = { title: 'No seal' };
    expect(request('posts/page/PostPage.rename')(withoutSeal)).toBe(false);
    expect((await postAction(server, 'posts/page/PostPage.rename', withoutSeal)).status).toBe(400);
    expect(request('posts/page/PostPage.ping')({})).toBe(true);
  });
});
