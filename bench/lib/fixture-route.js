import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtureOutput } from '../paths.js';

/** One action's route definition (validator, serializer, function) from the bench fixture's compiled `routes.js`. */
export async function fixtureRoute(route) {
  const { actionRoutes } = await import(pathToFileURL(join(fixtureOutput, 'generated', 'routes.js')).href);
  const definition = actionRoutes.find((candidate) => candidate.route === route);
  if (!definition) throw new Error(`bench/fixture has no action ${route}`);
  return definition;
}
