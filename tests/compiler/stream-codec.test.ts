import fc from 'fast-check';
import { routesModel } from '../../codegen/routes.js';
import type { Action, TypeNode } from '../../model/model.js';
import { RevivalPlanner } from '../../model/revival.js';
import { createCaller } from '../../runtime/client/caller.js';
import { defineActionRoutes } from '../../runtime/server/internal.js';
import { modelWith } from '../helpers/compiled-functions.js';
import { serveRoutes } from '../runtime/in-process-server.js';
import { containsSkip, generatedTypes, hasAmbiguousUnion, wireValue } from './arbitraries.js';

/**
 * The stream codec against the non-stream codec, over random types and values: through a real router and the client
 * runtime, a value streamed as an item (and returned as the stream's result) arrives equal to the same value returned
 * by an ordinary action of that type. ACTIONWIRE_FUZZ_RUNS runs longer.
 */
const RUNS = Math.ceil(Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 300) / 3);
const SEED = process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261206 };

function actionsOf(type: TypeNode): Action[] {
  const base = { moduleId: 'm', params: [{ name: 'value', type, optional: false }], source: { file: 'm.ts', line: 1, column: 1 } };
  return [
    { ...base, exportName: 'returned', route: 'm/returned', returns: type },
    { ...base, exportName: 'streamed', route: 'm/streamed', stream: { item: type, result: type } },
  ];
}

const cases = generatedTypes().chain((generated) => {
  const schemas = new Map(generated.schemas.map((schema) => [schema.name, schema.type]));
  return fc.record({ generated: fc.constant(generated), value: wireValue(generated.type, schemas) });
});

describe('a streamed item and the same value returned', () => {
  it('arrive equal on the client: same serializer, same pruning, same revival', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ generated, value }) => {
        fc.pre(!containsSkip(value));
        const schemas = new Map(generated.schemas.map((schema) => [schema.name, schema.type]));
        fc.pre(!hasAmbiguousUnion(generated.type, schemas));
        const model = modelWith(actionsOf(generated.type), generated.schemas);
        const routes = defineActionRoutes(routesModel(model), [
          (received: unknown) => received,
          async function* (received: unknown) {
            yield received;
            yield received;
            return received;
          },
        ] as never[]);
        const server = await serveRoutes(routes);
        try {
          const planner = new RevivalPlanner(generated.schemas);
          const plan = planner.plan(generated.type);
          const plans = Object.fromEntries(planner.referencedPlans([plan]));
          const call = createCaller({ baseUrl: server.url('/') });
          const body = JSON.parse(JSON.stringify({ value })) as Record<string, unknown>;
          const returned = await call('/actions/m/returned', body, plan, plans);
          const iterator = call.stream('/actions/m/streamed', body, [plan ?? 0, plan ?? 0, 1], plans);
          const items: unknown[] = [];
          for (;;) {
            const next = await iterator.next();
            if (next.done) {
              expect(next.value).toEqual(returned);
              break;
            }
            items.push(next.value);
          }
          expect(items).toEqual([returned, returned]);
        } finally {
          await server.close();
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  });
});
