import { emitOpenApi } from '../../codegen/openapi.js';
import { analyzeFixture, fixtureProgram, typeErrors } from '../helpers/analysis-program.js';

/** Types named like the schemas the OpenAPI document adds itself: the problem answers and action references. */
const source = `'use server';
export interface ActionwireProblem { code: number }
export interface ActionReference { label: string }

export async function report(problem: ActionwireProblem, reference: ActionReference): Promise<() => Promise<string>> {
  return async () => {
    'use server';
    return problem.code + reference.label;
  };
}
`;

describe('schema names the OpenAPI document uses itself', () => {
  const fixture = fixtureProgram('reserved-schema-names', { 'src/report.ts': source });
  const { model, issues } = analyzeFixture(fixture);
  const spec = JSON.parse(emitOpenApi(model)) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

  it('compiles', () => {
    expect(typeErrors(fixture)).toEqual([]);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it("go to the project's types with a suffix, and the document keeps its own", () => {
    expect(model.schemas.map((schema) => schema.name).sort()).toEqual(['ActionReference_2', 'ActionwireProblem_2']);
    expect(Object.keys(spec.components.schemas).sort()).toEqual(['ActionReference', 'ActionReference_2', 'ActionwireProblem', 'ActionwireProblem_2']);
    expect(Object.keys(spec.components.schemas.ActionReference_2?.properties ?? {})).toEqual(['label']);
    expect(Object.keys(spec.components.schemas.ActionReference?.properties ?? {})).toContain('$action');
  });
});
