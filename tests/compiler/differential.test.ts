import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { emitOpenApi } from '../../codegen/openapi.js';
import type { Action, Model, TypeNode } from '../../model/model.js';
import { RevivalPlanner } from '../../model/revival.js';
import { revive } from '../../runtime/client/revive.js';
import { withUnknownProperties } from '../../runtime/server/codec/decode-helpers.js';
import { compiledFunctions, identityAction, issueList, modelWith } from '../helpers/compiled-functions.js';
import { containsSkip, generatedTypes, hasAmbiguousUnion, hasRulesBeyondSchema, mutated, SKIP, wireValue, type GeneratedTypes } from './arbitraries.js';

/**
 * The compiled validators and serializers against an independent implementation: ajv (draft 2020-12,
 * with ajv-formats) on the OpenAPI document actionwire emits for the same types, over random types and
 * random valid and hostile values. ACTIONWIRE_FUZZ_RUNS=5000 runs longer; a failure prints its seed.
 */
const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 300);
/**
 * `npm test` runs the same few hundred cases every time (a fixed seed: CI never fails by chance); a longer
 * run (ACTIONWIRE_FUZZ_RUNS) draws new cases; ACTIONWIRE_FUZZ_SEED=… replays a failure fast-check printed.
 */
const SEED =
  process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261126 };
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Subject {
  generated: GeneratedTypes;
  model: Model;
  action: Action;
  schemas: ReadonlyMap<string, TypeNode>;
  requestSchema: ValidateFunction;
  responseSchema: ValidateFunction;
  functions: ReturnType<typeof compiledFunctions>;
}

function subjectOf(generated: GeneratedTypes): Subject {
  const action = identityAction(generated.type);
  const model = modelWith([action], generated.schemas);
  const document = JSON.parse(emitOpenApi(model)) as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }> } }>; components: object };
  const operation = Object.values(document.paths)[0]?.post;
  if (!operation) throw new Error('no operation');
  // ownProperties: without it ajv takes an inherited `valueOf` or `toString` for a present property
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: false, ownProperties: true }));
  // Each schema is compiled inside the document, so that its $refs (#/components/schemas/…) resolve.
  const within = (schema: object): ValidateFunction => ajv.compile({ ...schema, components: document.components });
  return {
    generated,
    model,
    action,
    schemas: new Map(generated.schemas.map((schema) => [schema.name, schema.type])),
    requestSchema: within(operation.requestBody.content['application/json']?.schema ?? {}),
    responseSchema: within(operation.responses['200']?.content?.['application/json']?.schema ?? {}),
    functions: compiledFunctions(model, action),
  };
}

const wireText = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function accepts(subject: Subject, body: unknown): boolean {
  const issues = issueList();
  withUnknownProperties('reject', () => subject.functions.decode(structuredClone(body), issues));
  return issues.count === 0;
}

/** Types with the wire values generated for them, valid ones and hostile variants. */
const cases = generatedTypes().chain((generated) => {
  const schemas = new Map(generated.schemas.map((schema) => [schema.name, schema.type]));
  return fc.record({ generated: fc.constant(generated), valid: wireValue(generated.type, schemas) }).chain((input) =>
    fc.record({
      generated: fc.constant(input.generated),
      valid: fc.constant(input.valid),
      hostile: containsSkip(input.valid) ? fc.constant<unknown>(SKIP) : mutated(input.valid, ['__proto__', 'constructor', 'prototype', 'extra', 'a/b']),
    }),
  );
});

describe('compiled validators and serializers, differentially against ajv on the emitted schema', () => {
  it('accept exactly what ajv accepts (stricter only where docs/types.md says: bytes, Map keys, Set instants, unknown)', () => {
    fc.assert(
      fc.property(cases, ({ generated, valid, hostile }) => {
        fc.pre(!containsSkip(valid));
        const subject = subjectOf(generated);
        for (const value of [valid, hostile]) {
          const body = wireText({ value });
          const ours = accepts(subject, body);
          const theirs = subject.requestSchema(body);
          if (!theirs) expect({ value, ours }).toEqual({ value, ours: false });
          else if (!hasRulesBeyondSchema(generated.type, subject.schemas)) expect({ value, ours }).toEqual({ value, ours: true });
        }
        expect(accepts(subject, wireText({ value: valid }))).toBe(true);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('serialize what they decode back to the same JSON, valid against the response schema', () => {
    fc.assert(
      fc.property(cases, ({ generated, valid }) => {
        fc.pre(!containsSkip(valid));
        const subject = subjectOf(generated);
        const wire = wireText(valid);
        const issues = issueList();
        const [decoded] = subject.functions.decode({ value: structuredClone(wire) }, issues);
        expect(issues.list).toEqual([]);
        const encode = subject.functions.encode;
        if (!encode) throw new Error('no serializer');
        const written = JSON.parse(encode(decoded)) as unknown;
        expect(subject.responseSchema(written)).toBe(true);
        expect(written).toEqual(wire);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('revive on the client to what the server had: revive(JSON.parse(encode(x))) equals x', () => {
    fc.assert(
      fc.property(cases, ({ generated, valid }) => {
        fc.pre(!containsSkip(valid));
        const subject = subjectOf(generated);
        fc.pre(!hasAmbiguousUnion(generated.type, subject.schemas));
        const issues = issueList();
        const [decoded] = subject.functions.decode({ value: wireText(valid) }, issues);
        const encode = subject.functions.encode;
        if (!encode) throw new Error('no serializer');
        const planner = new RevivalPlanner(generated.schemas);
        const plan = planner.plan(generated.type);
        const plans = Object.fromEntries(planner.referencedPlans([plan]));
        const revived = plan === undefined ? JSON.parse(encode(decoded)) : revive(JSON.parse(encode(decoded)), plan, plans);
        expect(revived).toEqual(decoded);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });
});
