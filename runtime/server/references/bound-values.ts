import { BOUND_KEY } from '../../../model/model.js';
import { IssueList } from '../problems/issue-list.js';
import { problem, type Problem } from '../problems/problem.js';
import type { BoundValues } from '../route-definition.js';
import { SealError, type Sealer } from '../sealing/seal.js';
import { SEAL_ERROR_CODE as SEAL_CODE } from '../sealing/seal-error.js';

/** An inline action's bound values, opened from a call's seal, or the problem that refuses the call. */
export type BoundRead = { values: Record<string, unknown> } | { problem: Problem };

/**
 * Takes the sealed bound values out of a call's body — the `$bound` key of a JSON object, every `$bound`
 * field of a form — so that neither the parameters' decoder nor the action sees them.
 */
function takeSealed(body: unknown): unknown[] {
  if (body instanceof FormData) {
    const fields = body.getAll(BOUND_KEY);
    body.delete(BOUND_KEY);
    return fields;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, BOUND_KEY)) return [];
  const record = body as Record<string, unknown>;
  const sealed = record[BOUND_KEY];
  delete record[BOUND_KEY];
  return [sealed];
}

/**
 * The bound values of a call to an inline action (`{}` when it captures none, whatever `$bound` says):
 * the seal taken from the body, opened for this route, its JSON checked and revived like parameters.
 * Any failure is a 400 problem, and the action must not run.
 */
export function readBound(body: unknown, route: string, bound: BoundValues, sealer: Pick<Sealer, 'open'> | undefined, maxProblems: number): BoundRead {
  const sealed = takeSealed(body);
  if (bound.names.length === 0) return { values: {} };
  const [seal, ...more] = sealed;
  if (seal === undefined) {
    const detail = `This action needs the values it captured: send the \`bound\` of its reference as "${BOUND_KEY}" (a JSON body's property, or a form field)`;
    return { problem: problem(400, { detail, code: SEAL_CODE }) };
  }
  if (more.length > 0) return { problem: problem(400, { detail: `Send one "${BOUND_KEY}" field, not ${sealed.length}`, code: SEAL_CODE }) };
  if (typeof seal !== 'string') return { problem: problem(400, { detail: `"${BOUND_KEY}" must be the seal string of the action's reference`, code: SEAL_CODE }) };
  if (sealer === undefined) throw new Error(`actionwire: no sealer for the inline action ${route}`);
  let plaintext: string;
  try {
    plaintext = sealer.open(route, seal);
  } catch (error) {
    if (!SealError.is(error)) throw error;
    return { problem: problem(400, { detail: error.message, code: error.code }) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext);
  } catch {
    return { problem: problem(400, { detail: 'The sealed values are not JSON', code: SEAL_CODE }) };
  }
  const issues = new IssueList(maxProblems);
  const values = bound.decode(parsed, issues);
  if (issues.count === 0) return { values };
  return { problem: issues.problem('The sealed values do not match the variables the action captures (sealed by another version of it?)', { code: SEAL_CODE }) };
}
