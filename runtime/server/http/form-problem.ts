import type { Context } from 'koa';
import type { Sealer } from '../sealing/seal.js';
import { FORM_PROBLEM_COOKIE, openFormProblem, type FormProblem } from './form-problem-cookie.js';

export type { FormProblem } from './form-problem-cookie.js';

// the routers' sealers, newest last, weakly held like their reference writers
const sealers: Array<WeakRef<Pick<Sealer, 'open'>>> = [];

/** Registers a newly built router's sealer, with which `formProblem` opens the cookies it writes. */
export function registerFormProblemSealer(sealer: Pick<Sealer, 'open'>): void {
  for (let index = sealers.length - 1; index >= 0; index--) if (sealers[index]?.deref() === undefined) sealers.splice(index, 1);
  sealers.push(new WeakRef(sealer));
}

/**
 * The problem of the no-JavaScript form post that just failed and sent the browser back to this page
 * (303 See Other), for the page's server rendering: the action's route, the problem (status, title, detail,
 * code, errors) and the text fields the form sent, to refill it. Read once: the cookie that carries it is
 * cleared by this call. Undefined when there is none, or when the cookie was not sealed by an action router
 * of this process's secret (a forged or tampered one), or is older than two minutes.
 *
 * @example
 * app.use(async (ctx) => {
 *   const failed = formProblem(ctx);
 *   ctx.body = renderToString(<EditPost post={post} problem={failed?.problem} fields={failed?.fields} />);
 * });
 */
export function formProblem(ctx: Context): FormProblem | undefined {
  const sealed = ctx.cookies.get(FORM_PROBLEM_COOKIE);
  if (sealed === undefined || sealed === '') return undefined;
  ctx.cookies.set(FORM_PROBLEM_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0, expires: new Date(0), secure: ctx.secure, overwrite: true });
  for (let index = sealers.length - 1; index >= 0; index--) {
    const sealer = sealers[index]?.deref();
    const opened = sealer && openFormProblem(sealer, sealed);
    if (opened !== undefined) return opened;
  }
  return undefined;
}
