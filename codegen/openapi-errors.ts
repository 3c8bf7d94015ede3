import { PROBLEM_SCHEMA_NAME } from '../model/reserved-schema-names.js';
import { PROTOCOL_ERROR_STATUSES, SEAL_ERROR_CODE } from '../model/protocol-errors.js';
import type { DeclaredError } from '../model/model.js';
import { SCHEMA_REF_PREFIX, type JsonSchema } from './json-schema.js';

/** What a declared error's problem says of its `code`: the code's schema and whether every answer has one. */
function codeMembers(error: DeclaredError, extraCodes: readonly string[]): { schema?: JsonSchema; required: boolean } {
  const codes = [...error.codes, ...extraCodes.filter((code) => !error.codes.includes(code))];
  if (error.anyCode) return { schema: { type: 'string', ...(codes.length > 0 ? { examples: codes } : {}) }, required: false };
  if (codes.length === 0) return { required: false };
  // the router answers its own statuses (a cross-origin 403, any 500…) without a code
  const required = !error.mayOmitCode && extraCodes.length === 0 && !(PROTOCOL_ERROR_STATUSES as readonly number[]).includes(error.status);
  return { schema: codes.length === 1 ? { type: 'string', const: codes[0] } : { type: 'string', enum: codes }, required };
}

function describe(error: DeclaredError): string {
  const codes = error.anyCode ? 'a computed code' : error.codes.length > 0 ? `code ${error.codes.join(', ')}` : 'no code';
  return error.status >= 500
    ? `A server error the action declares (${codes}); its detail is hidden unless the error is exposed, the answer carries an errorId`
    : `An error the action declares (${codes})`;
}

/** One problem+json response: the shared problem schema, with this status and its codes (typed too: generators such as orval read a bare `const` as a string). */
function problemResponse(error: DeclaredError, description: string, extraCodes: readonly string[] = []): JsonSchema {
  const code = codeMembers(error, extraCodes);
  const own: JsonSchema = { type: 'object', properties: { status: { type: 'integer', const: error.status }, ...(code.schema ? { code: code.schema } : {}) } };
  if (code.required) own.required = ['code'];
  return { description, content: { 'application/problem+json': { schema: { allOf: [{ $ref: SCHEMA_REF_PREFIX + PROBLEM_SCHEMA_NAME }, own] } } } };
}

/**
 * The responses of an action's declared errors, by status. A declared 400 is the validation answer too: it keeps
 * the `errors` list (the shared problem schema has it) and adds the declared codes; `badRequest` is the 400 without
 * declared codes, `sealCode` whether the router's seal code may come with a 400.
 */
export function declaredErrorResponses(errors: readonly DeclaredError[], badRequest: JsonSchema, sealCode: boolean): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = { '400': badRequest };
  for (const error of errors) {
    responses[String(error.status)] =
      error.status === 400
        ? problemResponse({ ...error, mayOmitCode: true }, 'The request body is not valid for this action, or an error the action declares', sealCode ? [SEAL_ERROR_CODE] : [])
        : problemResponse(error, describe(error));
  }
  return responses;
}
