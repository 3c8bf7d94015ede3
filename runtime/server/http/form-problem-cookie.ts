import type { Context } from 'koa';
import type { Issue, Problem } from '../problems/problem.js';
import type { Sealer } from '../sealing/seal.js';

/** The cookie that carries a failed no-JavaScript form post back to its page, sealed, for one read. */
export const FORM_PROBLEM_COOKIE = 'actionwire-form-problem';
/** What the seal authenticates the cookie as (no action's route can be this). */
const SEAL_PURPOSE = 'actionwire:form-problem';
/** How long the page has to read it, in seconds: the browser follows the 303 at once. */
const MAX_AGE = 120;
/** The longest sealed value written: browsers keep ~4 KB per cookie, name and attributes included. */
const MAX_COOKIE_VALUE = 3600;

/**
 * A failed form post as its page reads it with `formProblem(ctx)`.
 *
 * @example
 * { action: 'app/posts/save', problem: { status: 400, title: 'Bad Request', errors: [{ path: '/title', message: 'is empty' }] },
 *   fields: { title: '' }, truncated: false }
 */
export interface FormProblem {
  /** the route of the action the form posted to */
  action: string;
  problem: { status: number; title: string; detail?: string; code?: string; errors?: Issue[] };
  /** the text fields the form sent (the first value of each name), for refilling it; never passwords (see docs) */
  fields: Record<string, string>;
  /** true when errors or field values were cut to fit the cookie */
  truncated: boolean;
}

interface Stored extends FormProblem {
  /** when it was written, ms since the epoch */
  at: number;
}

/** Field names whose values are never kept: passwords and other secrets a page must not echo. */
const SECRET_FIELD = /pass|secret|token|cvc|cvv|card.?num/i;

/** The text fields of a submitted form worth giving back to its page: no files, no `$` fields (actionwire's own), no secrets. */
function keptFields(form: FormData | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (form === undefined) return fields;
  for (const [name, value] of form) {
    if (typeof value !== 'string' || name.startsWith('$') || SECRET_FIELD.test(name) || Object.hasOwn(fields, name)) continue;
    fields[name] = value;
  }
  return fields;
}

/** Ever smaller versions of a problem: the first whose seal fits the cookie is written. */
function shrunk(stored: Stored, step: number): Stored {
  if (step === 0) return stored;
  const [maxErrors, maxValue, maxDetail] = ([[10, 200, 500], [3, 60, 300], [1, 20, 200], [0, 0, 120]] as const)[step - 1] ?? [0, 0, 120];
  const { errors, detail, ...problem } = stored.problem;
  const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);
  const fields = Object.fromEntries(maxValue === 0 ? [] : Object.entries(stored.fields).map(([name, value]) => [cut(name, 60), cut(value, maxValue)]));
  const keptErrors = errors?.slice(0, maxErrors).map((issue) => ({ path: cut(issue.path, 100), message: cut(issue.message, 200) }));
  return {
    ...stored,
    problem: { ...problem, ...(detail === undefined ? {} : { detail: cut(detail, maxDetail) }), ...(keptErrors?.length ? { errors: keptErrors } : {}) },
    fields,
    truncated: true,
  };
}

const STEPS = 5;

/** Sets the sealed cookie that carries `problem` and the form's fields to the page the browser goes back to. */
export function writeFormProblem(ctx: Context, sealer: Sealer, action: string, problem: Problem, form: FormData | undefined): void {
  const { status, title, detail, code, errors } = problem;
  const full: Stored = {
    action,
    problem: { status, title, ...(detail === undefined ? {} : { detail }), ...(code === undefined ? {} : { code }), ...(errors === undefined ? {} : { errors: [...errors] }) },
    fields: keptFields(form),
    truncated: false,
    at: Date.now(),
  };
  for (let step = 0; step < STEPS; step++) {
    const sealed = sealer.seal(SEAL_PURPOSE, JSON.stringify(shrunk(full, step)));
    if (sealed.length <= MAX_COOKIE_VALUE) {
      ctx.cookies.set(FORM_PROBLEM_COOKIE, sealed, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: MAX_AGE * 1000, secure: ctx.secure, overwrite: true });
      return;
    }
  }
}

/** The problem a sealed cookie value holds, or undefined for one that is not ours, was tampered with, or is too old. */
export function openFormProblem(sealer: Pick<Sealer, 'open'>, sealed: string, now = Date.now()): FormProblem | undefined {
  let stored: Stored;
  try {
    stored = JSON.parse(sealer.open(SEAL_PURPOSE, sealed)) as Stored;
  } catch {
    return undefined;
  }
  if (typeof stored.at !== 'number' || now - stored.at > MAX_AGE * 1000) return undefined;
  const { at: _at, ...problem } = stored;
  return problem;
}
