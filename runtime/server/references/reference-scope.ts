import { currentWriter } from '../context.js';
import type { ActionReference, ReferenceWriter } from './reference-writer.js';

/**
 * Which router's references are in force: the one encoding a return value (set around the synchronous
 * encode), the one serving the current call, or — outside any call — the most recently built one.
 */

let encoding: ReferenceWriter | undefined;

/** Runs a (synchronous) return-value encoder on `value` with `writer` writing the action references it meets. */
export function writingReferences<V, T>(writer: ReferenceWriter, encode: (value: V) => T, value: V): T {
  const outer = encoding;
  encoding = writer;
  try {
    return encode(value);
  } finally {
    encoding = outer;
  }
}

/** The scope helper compiled serializers call for a value of type `action`: its reference as JSON text. */
export function reference(value: unknown, where: string): string {
  if (encoding === undefined) throw new Error(`actionwire: ${where} holds an action, which only an action router's encoding of a return value can write`);
  return encoding.write(value, where);
}

// weakly held: a process that builds routers again and again (tests, hot reload) keeps only the live ones
const routers: Array<WeakRef<ReferenceWriter>> = [];

/** Registers a newly built router's writer, for `toReference` outside action calls. */
export function registerRouter(writer: ReferenceWriter): void {
  for (let index = routers.length - 1; index >= 0; index--) if (routers[index]?.deref() === undefined) routers.splice(index, 1);
  routers.push(new WeakRef(writer));
}

/** The writer of the router serving the current call, else of the most recently built router that serves `action`. */
export function servingWriter(action: unknown): ReferenceWriter | undefined {
  return currentWriter() ?? latestServing(action);
}

function latestServing(action: unknown): ReferenceWriter | undefined {
  for (let index = routers.length - 1; index >= 0; index--) {
    const writer = routers[index]?.deref();
    if (writer?.serves(action)) return writer;
  }
  return undefined;
}

/**
 * The reference to a server action (file-level, or inline as `bindAction` made it), as a return value
 * would carry it: for rendering a page, or handing an action to other code that talks to the client.
 * Inside an action call, the router serving the call writes it; elsewhere the most recently built router
 * that serves the action.
 *
 * @example
 * const html = renderPage({ onSave: toReference(savePost) }); // {"$action":"app/page/Page.save","bound":"v1.…"}
 */
export function toReference<F extends (...args: never[]) => unknown>(action: F): ActionReference<F> {
  // inside a call, the action context carries its router's writer (runInActionContext)
  const writer = servingWriter(action);
  if (writer === undefined) {
    throw new Error(
      `actionwire: no action router serves ${typeof action === 'function' && action.name ? action.name : 'this function'}: ` +
        'create the action router (createActionRouter) before calling toReference, with this action among its routes',
    );
  }
  return writer.reference(action, 'toReference(action)') as ActionReference<F>;
}
