import { OutputMismatchError } from '../codec/encode-helpers.js';
import { boundTarget, type BoundTarget } from './inline-actions.js';
import type { RouteDefinition } from '../route-definition.js';
import type { Sealer } from '../sealing/seal.js';
import type { ActionReference } from '../../../model/action-reference.js';

export type { ActionReference };

/**
 * A value in an action's place that is no action this router serves (a plain function, an inline action of
 * another router, captured values that break their types): the call ends as a 500, this message in the log.
 *
 * @example
 * onError: (error) => { if (error instanceof NotAnActionError) log.error(error.message); }
 */
export class NotAnActionError extends OutputMismatchError {
  override name = 'NotAnActionError';
  constructor(where: string, value: unknown, reason: string) {
    super(where, 'a server action', value);
    this.message = `the action's value at ${where} cannot reach the client: ${reason}`;
  }
}

function describeFunction(value: unknown): string {
  return typeof value === 'function' && value.name ? `function ${value.name}` : 'an anonymous function';
}

/** Writes the references to one router's actions: file-level ones by their function, inline ones by the route they carry. */
export class ReferenceWriter {
  private readonly served = new Map<string, RouteDefinition>();
  private readonly fileActions = new Map<unknown, string>();

  /**
   * @param mount where the router serves its actions (prefix + base path), for the URLs of forms
   */
  constructor(
    routes: readonly RouteDefinition[],
    private readonly sealer: Pick<Sealer, 'seal'> | undefined,
    private readonly mount = '',
  ) {
    for (const definition of routes) {
      this.served.set(definition.route, definition);
      if (definition.bound === undefined && !this.fileActions.has(definition.action)) this.fileActions.set(definition.action, definition.route);
    }
  }

  /** Does this router serve the action `value` is? */
  serves(value: unknown): boolean {
    const target = boundTarget(value);
    return target ? this.served.get(target.route)?.bound !== undefined : this.fileActions.has(value);
  }

  /** The reference to the action `value`; a NotAnActionError (naming `where`) for anything else. */
  reference(value: unknown, where: string): ActionReference {
    if (typeof value !== 'function') throw new NotAnActionError(where, value, `expected a server action, got ${value === null ? 'null' : typeof value}`);
    const target = boundTarget(value);
    if (target === undefined) {
      const route = this.fileActions.get(value);
      if (route !== undefined) return { $action: route };
      throw new NotAnActionError(where, value, `${describeFunction(value)} is not a server action (only 'use server' functions, file-level or inline, can be sent to the client)`);
    }
    const bound = this.served.get(target.route)?.bound;
    if (bound === undefined) throw new NotAnActionError(where, value, `it is the inline action ${target.route}, which this action router does not serve`);
    if (bound.names.length === 0) return { $action: target.route };
    if (this.sealer === undefined) throw new Error(`actionwire: no sealer for the bound values of ${target.route}`);
    return { $action: target.route, bound: this.sealer.seal(target.route, this.boundText(bound.encode, target, value, where)) };
  }

  /** The JSON text of an inline action's captured values, or a NotAnActionError naming the action where they break their types. */
  private boundText(encode: (value: unknown) => string, target: BoundTarget, value: unknown, where: string): string {
    try {
      return encode(target.bound);
    } catch (error) {
      if (!(error instanceof OutputMismatchError)) throw error;
      throw new NotAnActionError(where, value, `the values the inline action ${target.route} captured do not match their types (${error.message})`);
    }
  }

  /**
   * Where a no-JavaScript form posts to call `value` (its URL under this router's mount) and the seal of the
   * values it captured; a NotAnActionError for anything but an action of this router that takes a FormData.
   */
  formTarget(value: unknown, where: string): { url: string; bound?: string } {
    const reference = this.reference(value, where);
    if (this.served.get(reference.$action)?.form !== true) {
      throw new NotAnActionError(where, value, `the action ${reference.$action} takes JSON arguments, not one FormData, so a form cannot post to it`);
    }
    const url = `${this.mount}/${reference.$action.split('/').map(encodeURIComponent).join('/')}`;
    return reference.bound === undefined ? { url } : { url, bound: reference.bound };
  }

  /** The reference as JSON text, for a return value's serializer. */
  write(value: unknown, where: string): string {
    const reference = this.reference(value, where);
    return `{"$action":${JSON.stringify(reference.$action)}${reference.bound === undefined ? '' : `,"bound":${JSON.stringify(reference.bound)}`}}`;
  }
}
