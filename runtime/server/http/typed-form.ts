import type { FORM_FIELDS_KEY } from '../../../model/keys.js';

/** What a typed form's field may hold: text (a string or string literals), a file, or any number of either. */
export type FormFieldValue = string | File | Blob | readonly string[] | readonly File[] | readonly Blob[];

/**
 * The parameter type of a form action that declares its fields: a `FormData` (so `<form action={upload}>` type-checks
 * wherever React hands the action a form) whose fields the router checks against `T` before the action runs — a
 * missing required field, a file where text belongs, a field given twice, an unknown field: each a 400 with the
 * field's path. Read the checked values with `fieldsOf(form)`. Arrays are repeated fields (`getAll`), optional
 * members optional fields; field names starting with `$` belong to the protocol (`$bound`, React's `$action`).
 *
 * @example
 * export async function upload(form: FormFields<{ title: string; tags: string[]; photo?: File }>): Promise<void> {
 *   const { title, tags, photo } = fieldsOf(form);
 * }
 */
export type FormFields<T extends { [K in keyof T]: FormFieldValue | undefined }> = FormData & { readonly [FORM_FIELDS_KEY]?: T };

const checkedFields = new WeakMap<FormData, object>();

/** Called by the router: the values it checked `form` into. */
export function rememberCheckedFields(form: FormData, fields: object): void {
  checkedFields.set(form, fields);
}

/**
 * The checked values of a typed form, as the plain object `T` its type declares (repeated fields as arrays,
 * absent optional fields absent). Only for the form the router handed the action: a form built by hand has
 * not been checked, and is refused with a TypeError.
 *
 * @example
 * export async function sendFeedback(form: FormFields<{ message: string }>): Promise<Feedback> {
 *   const { message } = fieldsOf(form);
 * }
 */
export function fieldsOf<T extends { [K in keyof T]: FormFieldValue | undefined }>(form: FormFields<T>): T {
  const fields = checkedFields.get(form);
  if (fields === undefined) {
    throw new TypeError('actionwire: fieldsOf(form) reads the fields of a form an action router checked; this FormData did not come through one (call the action through its route)');
  }
  return fields as T;
}
