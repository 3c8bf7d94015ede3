/** What React's server renderer asks a form action for, to render a form that works without JavaScript. */
type FormActionRenderer = (identifierPrefix: string) => unknown;

const FORM_ACTION = '$$FORM_ACTION';

function formActionRenderer(value: unknown): FormActionRenderer | undefined {
  if (typeof value !== 'function') return undefined;
  const renderer: unknown = (value as unknown as Record<string, unknown>)[FORM_ACTION];
  return typeof renderer === 'function' ? (renderer as FormActionRenderer) : undefined;
}

/** Gives `target` the renderer, and a `bind` whose results keep it (React's `useActionState` binds the action to its state). */
function carryRenderer<F extends (...args: never[]) => unknown>(target: F, renderer: FormActionRenderer): F {
  Object.defineProperty(target, FORM_ACTION, { value: renderer, enumerable: false, configurable: true });
  Object.defineProperty(target, 'bind', {
    value(this: F, thisArg: unknown, ...args: unknown[]) {
      const bound = Function.prototype.bind.call(this, thisArg, ...args) as F;
      return carryRenderer(bound, renderer);
    },
    enumerable: false,
    configurable: true,
  });
  return target;
}

/**
 * `run`, rendered by React on the server as a form posting to `action` — so a page without JavaScript still
 * works — and called in the browser as itself. For `useActionState`, whose function takes the previous state
 * first: with JavaScript, `run` calls the action through the generated client and returns the next state;
 * without it, the browser posts the form to the action, and the server answers with a redirect back to the page
 * (where `formProblem` tells the page what went wrong, if anything). On the client, where actions have no
 * server rendering, `run` is returned as it is.
 *
 * @example
 * const [state, formAction, pending] = useActionState(
 *   withFormFallback(updatePost, async (state: State, formData: FormData) => {
 *     try { return { post: await updatePost(formData) }; } catch (error) { return { ...state, error: String(error) }; }
 *   }),
 *   { post },
 * );
 * return <form action={formAction}>…</form>;
 */
export function withFormFallback<F extends (...args: never[]) => unknown>(action: (formData: FormData) => unknown, run: F): F {
  const renderer = formActionRenderer(action);
  return renderer === undefined ? run : carryRenderer(run, renderer);
}
