import { routesModel } from '../../codegen/routes.js';
import { MODEL_VERSION, type Action, type Model, type TypeNode } from '../../model/model.js';
import { compileRoutes } from '../../runtime/server/compiler/compile-routes.js';
import type { Decoder, Encoder } from '../../runtime/server/route-definition.js';
import { IssueList } from '../../runtime/server/problems/issue-list.js';

export type { Issue } from '../../runtime/server/problems/problem.js';

/** Compiles the validator and serializer of `action`, with the model's named schemas, as the server runtime does for `routes.ts`. */
export function compiledFunctions(model: Model, action: Action): { decode: Decoder; encode: Encoder | undefined; source: string } {
  const compiled = compileRoutes(routesModel({ ...model, actions: [action] })).compiled(0);
  return { decode: compiled.decode, encode: compiled.encode, source: compiled.source };
}

/** A fresh problem list, roomy enough for any test. */
export function issueList(max = 10_000): IssueList {
  return new IssueList(max);
}

/** An action taking one parameter `value` of `type` and returning `type`. */
export function identityAction(type: TypeNode, optional = false): Action {
  return { moduleId: 'm', exportName: 'f', route: 'm/f', params: [{ name: 'value', type, optional }], returns: type, source: { file: 'm.ts', line: 1, column: 1 } };
}

export function modelWith(actions: Action[], schemas: Model['schemas'] = []): Model {
  return { version: MODEL_VERSION, basePath: '/actions', title: 't', importExtension: '', modules: [{ moduleId: 'm', importPath: './m', namespace: 'm' }], actions, schemas };
}
