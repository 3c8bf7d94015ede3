import { isBindingIdentifier, isIdentifierName } from '../../../codegen/naming.js';
import { CLIENT_INDEX_SCOPE, CLIENT_MODULE_EXPORTS, CLIENT_MODULE_SCOPE } from '../../../model/client-layout.js';
import { resultTypes, type Action } from '../../../model/model.js';
import { referencedSchemaNames } from '../../../model/type-refs.js';

/** Words of an identifier: runs of ID_Continue characters, `_` and everything else separating them. */
const SEPARATORS = /(?:[^\p{ID_Continue}]|_)+/u;

/**
 * The identifier a module id becomes in the generated client/index.js: its words camel-cased, Unicode letters
 * kept; a reserved word or a name index.js uses itself gets a trailing `_`.
 *
 * @example
 * namespaceIdentifier('app/user-actions'); // 'appUserActions'
 * namespaceIdentifier('grüße');            // 'grüße'
 * namespaceIdentifier('call');             // 'call_'
 */
export function namespaceIdentifier(moduleId: string): string {
  const joined = moduleId
    .split(SEPARATORS)
    .filter(Boolean)
    .map((word, index) => {
      const [first = '', ...rest] = [...word];
      return (index === 0 ? first.toLowerCase() : first.toUpperCase()) + rest.join('');
    })
    .join('');
  let identifier = /^\p{ID_Start}/u.test(joined) ? joined : `_${joined}`;
  if (!isIdentifierName(identifier)) identifier = '_';
  while (!isBindingIdentifier(identifier) || CLIENT_INDEX_SCOPE.has(identifier)) identifier += '_';
  return identifier;
}

/**
 * Hands out namespace identifiers to the 'use server' modules in the order they are analyzed: a module
 * whose identifier is already taken is told which module has it (the caller reports the collision).
 */
export class NamespaceAllocator {
  private readonly owners = new Map<string, string>();

  claim(moduleId: string): { namespace: string; takenBy?: string } {
    const namespace = namespaceIdentifier(moduleId);
    const owner = this.owners.get(namespace);
    if (owner !== undefined) return { namespace, takenBy: owner };
    this.owners.set(namespace, moduleId);
    return { namespace };
  }
}

function localBase(exportName: string): string {
  const cleaned = exportName.split(SEPARATORS).filter(Boolean).join('_');
  const start = /^[\p{ID_Start}$_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
  return isBindingIdentifier(start) ? start : `${start}_`;
}

/** `base`, else `base_`, `base_2`, `base_3`…: the first that `taken` lacks, which then holds it. */
function fresh(base: string, taken: Set<string>): string {
  let name = base;
  for (let suffix = 1; taken.has(name); suffix++) name = suffix === 1 ? `${base}_` : `${base}_${suffix}`;
  taken.add(name);
  return name;
}

/**
 * Decides each action's identifier in its generated client module, so that none shadows another: its
 * export name where that is a free identifier (`export const listUsers = …`), otherwise a fresh one stored
 * as `clientLocal` (`const a_b = …; export { a_b as "a-b" }`) — for names that are not identifiers, reserved
 * words, the client module's own names (`bound`, `actionShapes`…) and the named types it imports; the
 * default export needs none. (Parameters appear only in types there, so they shadow nothing.)
 */
export function decideClientNames(actions: Action[]): void {
  const types = new Set<string>();
  for (const action of actions) {
    action.params.forEach((param) => referencedSchemaNames(param.type, types));
    resultTypes(action).forEach((type) => referencedSchemaNames(type, types));
  }
  const usable = (name: string): boolean => isBindingIdentifier(name) && !CLIENT_MODULE_SCOPE.has(name) && !types.has(name);
  const taken = new Set<string>([...CLIENT_MODULE_SCOPE, ...types, ...actions.map((action) => action.exportName).filter(usable)]);
  for (const action of actions) {
    delete action.clientLocal;
    if (action.exportName === 'default' || usable(action.exportName)) continue;
    action.clientLocal = fresh(localBase(action.exportName), taken);
  }
}

/** Why the generated client cannot export an action under this name, or undefined when it can. */
export function clientExportNameProblem(exportName: string): string | undefined {
  if (CLIENT_MODULE_EXPORTS.has(exportName)) {
    return `Server action '${exportName}' cannot keep this export name: the generated client module exports '${exportName}' itself (createClient uses it); export the action under another name`;
  }
  if (exportName === '__proto__') {
    return `A server action cannot be exported as '__proto__': the generated client holds actions as properties of plain objects, where that key sets the prototype; export it under another name`;
  }
  return undefined;
}
