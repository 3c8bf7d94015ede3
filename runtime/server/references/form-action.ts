import { BOUND_KEY } from '../../../model/model.js';
import { servingWriter } from './reference-scope.js';

/**
 * The form field React renders (empty) beside an action's hidden fields, and the button name it gives a
 * `formAction`: the router drops it from the FormData before the action sees it.
 */
export const FORM_ACTION_FIELD = '$action';

/** What `react-dom/server` asks of a function passed as `<form action>` or `<button formAction>`. */
interface ReactFormAction {
  name: string;
  action: string;
  encType: 'multipart/form-data';
  method: 'POST';
  target: null;
  data: FormData | null;
}

const FORM_ACTION = '$$FORM_ACTION';

/**
 * Gives a server action React's `$$FORM_ACTION`, so that `react-dom/server` renders `<form action={action}>`
 * as a form posting to the action's URL (`prefix` + base path + route), multipart, with the sealed captured
 * values of an inline action in a hidden `$bound` field. The URL comes from the router serving the action
 * when the form is rendered: with none, the render logs this error and React falls back to its JavaScript-only form.
 */
export function giveFormAction(action: (...args: never[]) => unknown): void {
  if (Object.hasOwn(action, FORM_ACTION) || !Object.isExtensible(action)) return;
  Object.defineProperty(action, FORM_ACTION, { value: () => reactFormAction(action), enumerable: false, configurable: true });
}

function reactFormAction(action: (...args: never[]) => unknown): ReactFormAction {
  const writer = servingWriter(action);
  if (writer === undefined) {
    throw new Error(
      `actionwire: no action router serves ${action.name || 'this action'}, so its form has no URL: ` +
        'call createActionRouter (with this action among its routes) before rendering the form',
    );
  }
  const { url, bound } = writer.formTarget(action, `<form action={${action.name || 'action'}}>`);
  let data: FormData | null = null;
  if (bound !== undefined) {
    data = new FormData();
    data.set(BOUND_KEY, bound);
  }
  return { name: FORM_ACTION_FIELD, action: url, encType: 'multipart/form-data', method: 'POST', target: null, data };
}
