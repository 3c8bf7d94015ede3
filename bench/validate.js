import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DEFAULT_MAX_PROBLEMS, IssueList } from 'actionwire/internal/server';
import { fixtureRoute } from './lib/fixture-route.js';
import { timingLoop } from './lib/ops.js';
import { alternate, grouped, median, round } from './lib/stats.js';
import { fixtureDirectory } from './paths.js';

const VALID = { input: { name: 'Ada Lovelace', email: 'ada@example.com', age: 36, tags: ['math', 'engines', 'poetry'] } };
/** Three problems: a wrong type, a missing property, and a wrong array item. */
const INVALID = { input: { name: 42, age: 36, tags: ['math', 7] } };

/** ajv 8 (JSON Schema 2020-12), compiled once, on the request body schema from the fixture's openapi.json. */
function ajvValidator(allErrors) {
  const spec = JSON.parse(readFileSync(join(fixtureDirectory, 'src', 'generated', 'openapi.json'), 'utf8'));
  const operation = spec.paths['/actions/actions/createItem'].post;
  const bodySchema = operation.requestBody.content['application/json'].schema;
  const ajv = new Ajv2020({ allErrors, strict: false });
  return ajv.compile({ ...bodySchema, components: spec.components });
}

/** Our generated validator vs ajv on valid input, and on invalid input with every error collected. */
export async function benchValidate({ rounds, iterations, log }) {
  const route = await fixtureRoute('actions/createItem');
  // the first call compiles the action and puts its validator in the definition, where the router reads it
  route.decode(structuredClone(VALID), new IssueList(DEFAULT_MAX_PROBLEMS));
  const { decode } = route;
  const ours = (body) => () => {
    const issues = new IssueList(DEFAULT_MAX_PROBLEMS);
    decode(body, issues);
    return issues.count;
  };
  const ajvFirstError = ajvValidator(false);
  const ajvAllErrors = ajvValidator(true);
  const theirs = (validate, body) => () => (validate(body) ? 0 : validate.errors.length);

  const collected = new IssueList(DEFAULT_MAX_PROBLEMS);
  decode(structuredClone(INVALID), collected);
  const issues = collected.list;
  ajvAllErrors(INVALID);
  log(`  our errors on the invalid body: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  log(`  ajv (allErrors) on the same: ${ajvAllErrors.errors.map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ')}`);
  if (ours(VALID)() !== 0 || !ajvFirstError(VALID)) throw new Error('the valid body must pass both validators');
  if (issues.length !== 3) throw new Error(`expected 3 errors on the invalid body, got ${issues.length}`);

  const measure = async (label, sides) => {
    const samples = await alternate(rounds, Object.fromEntries(Object.entries(sides).map(([name, operation]) => {
      const loop = timingLoop(operation);
      return [name, () => loop(iterations)];
    })));
    const [oursOps, ajvOps] = Object.values(samples).map(median);
    log(`  ${label.padEnd(8)} ours ${grouped(oursOps).padStart(12)} ops/s   ajv ${grouped(ajvOps).padStart(12)} ops/s   ratio ${round(oursOps / ajvOps)}`);
    return [oursOps, ajvOps];
  };
  log(`  ${grouped(iterations)} iterations per side per round, ${rounds} rounds`);
  const [validOurs, validAjv] = await measure('valid', { ours: ours(VALID), ajv: theirs(ajvFirstError, VALID) });
  const [invalidOurs, invalidAjv] = await measure('invalid', { ours: ours(INVALID), ajv: theirs(ajvAllErrors, INVALID) });
  return {
    'validate.ours.ops': Math.round(validOurs),
    'validate.ajv.ops': Math.round(validAjv),
    'validate.ratio': round(validOurs / validAjv),
    'validate.invalid.ratio': round(invalidOurs / invalidAjv),
  };
}
