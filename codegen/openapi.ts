import { ACTION_REFERENCE_SCHEMA_NAME, PROBLEM_SCHEMA_NAME } from '../model/reserved-schema-names.js';
import { actionReferenceSchema, toJsonSchema, SCHEMA_REF_PREFIX, type JsonSchema } from './json-schema.js';
import { BOUND_KEY, isFormAction, usesActionReferences, type Action, type Model } from '../model/model.js';
import { operationId } from './naming.js';
import { streamResponse } from './openapi-stream.js';
import { urlPath } from '../model/url-path.js';
import { securityDeclaration } from './openapi-security.js';
import { declaredErrorResponses } from './openapi-errors.js';
import { formRequestBody } from './openapi-form.js';


const problemSchema: JsonSchema = {
  type: 'object',
  description: 'An RFC 9457 problem details object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'a machine-readable code (the ActionError’s `code`)' },
    errorId: { type: 'string', description: 'the server error’s id in the server’s error reports (5xx)' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string', description: 'JSON Pointer into the request body' }, message: { type: 'string' } },
        required: ['path', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status'],
};

const RESPONSE_REF_PREFIX = '#/components/responses/';
const BAD_REQUEST_RESPONSE = 'ActionwireBadRequest';
const ERROR_RESPONSE = 'ActionwireError';

function problemResponse(description: string): JsonSchema {
  return { description, content: { 'application/problem+json': { schema: { $ref: SCHEMA_REF_PREFIX + PROBLEM_SCHEMA_NAME } } } };
}

const boundSchema: JsonSchema = { type: 'string', description: 'the `bound` of the action reference the server handed out: the values this inline action captured, sealed' };

/** An inline action that captured variables needs the seal of its reference with every call. */
function needsBound(action: Action): boolean {
  return action.inline !== undefined && action.inline.bound.length > 0;
}

function requestBodySchema(action: Action, schemas: Model['schemas'] = []): JsonSchema {
  const body: JsonSchema = { type: 'object' };
  const properties: Array<[string, JsonSchema]> = action.params.map((param) => [param.name, toJsonSchema(param.type, schemas)]);
  const required = action.params.filter((param) => !param.optional).map((param) => param.name);
  if (needsBound(action)) {
    properties.unshift([BOUND_KEY, boundSchema]);
    required.unshift(BOUND_KEY);
  }
  if (properties.length > 0) body.properties = Object.fromEntries(properties);
  if (required.length > 0) body.required = required;
  body.additionalProperties = false;
  return body;
}

function successResponse(action: Action, model: Model): JsonSchema {
  const { schemas } = model;
  if (action.stream) return { '200': streamResponse(action.stream, schemas, model.openapiVersion === '3.2') };
  return action.returns
    ? { '200': { description: 'The action’s return value', content: { 'application/json': { schema: toJsonSchema(action.returns, schemas) } } } }
    : { '204': { description: 'The action returned nothing' } };
}

function operation(action: Action, model: Model): JsonSchema {
  const { schemas } = model;
  const success = successResponse(action, model);
  const hasRequiredParam = needsBound(action) || action.params.some((param) => !param.optional);
  const inlineNote = action.inline
    ? `An inline action (written in a function of ${action.source.file}): the server hands it out as an action reference; call it with the reference's \`bound\` as \`${BOUND_KEY}\`.`
    : undefined;
  const description = [action.description, inlineNote].filter((text) => text !== undefined).join('\n\n');
  const result: JsonSchema = {
    operationId: operationId(action.route),
    summary: action.description?.split('\n', 1)[0] || `${action.moduleId} ${action.inline?.path ?? action.exportName}`,
    tags: [action.moduleId],
    ...(description ? { description } : {}),
    requestBody: isFormAction(action)
      ? formRequestBody(action.form.fields, needsBound(action) ? boundSchema : undefined)
      : { required: hasRequiredParam, content: { 'application/json': { schema: requestBodySchema(action, schemas) } } },
    responses: {
      ...success,
      ...declaredErrorResponses(action.errors ?? [], { $ref: RESPONSE_REF_PREFIX + BAD_REQUEST_RESPONSE }, needsBound(action)),
      default: { $ref: RESPONSE_REF_PREFIX + ERROR_RESPONSE },
    },
  };
  return result;
}

/** The OpenAPI 3.1 document, as pretty-printed JSON with a trailing newline. */
export function emitOpenApi(model: Model): string {
  const paths: JsonSchema = {};
  for (const action of model.actions) {
    paths[urlPath(`${model.basePath}/${action.route}`)] = { post: operation(action, model) };
  }
  const schemas: JsonSchema = {};
  for (const schema of model.schemas) {
    const json = toJsonSchema(schema.type, model.schemas);
    schemas[schema.name] = schema.description ? { ...json, description: schema.description } : json;
  }
  schemas[PROBLEM_SCHEMA_NAME] = problemSchema;
  if (usesActionReferences(model)) schemas[ACTION_REFERENCE_SCHEMA_NAME] = actionReferenceSchema;
  // without the security option the document declares no requirement: it knows nothing, and claims nothing
  const security = model.security === undefined ? undefined : securityDeclaration(model.security);
  const document = {
    openapi: model.openapiVersion === '3.2' ? '3.2.0' : '3.1.0',
    info: { title: model.title, version: '1.0.0' },
    servers: [{ url: '/', description: 'the server that mounts the generated router' }],
    ...(security === undefined ? {} : { security: security.requirement }),
    paths,
    // one copy of the problem answers for every operation (a copy in each was 0.8 of 6 MB at 2,000 actions)
    components: {
      schemas,
      responses: {
        [BAD_REQUEST_RESPONSE]: problemResponse('The request body is not valid for this action'),
        [ERROR_RESPONSE]: problemResponse('An error'),
      },
      ...(security === undefined ? {} : { securitySchemes: security.schemes }),
    },
  };
  return JSON.stringify(document, null, 2) + '\n';
}
