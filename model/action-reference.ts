/**
 * A server action as a value on the wire: `{"$action": "<route below basePath>", "bound": "<seal>"}` — its
 * route and, for an inline action that captured values, those values sealed. The server writes it
 * (`toReference`, or an action in a return value); the client turns it back into a function
 * (`fromReference`, or the generated client's revival).
 *
 * @example
 * const onSave: ActionReference<typeof savePost> = toReference(savePost); // { $action: 'app/page/Page.savePost', bound: 'v1.…' }
 */
export interface ActionReference<F = unknown> {
  readonly $action: string;
  readonly bound?: string;
  /** type only, never present: the action's function type, which `fromReference` gives back */
  readonly __action?: F;
}
