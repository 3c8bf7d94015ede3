/** One value of a typed form's field as the client takes it: text, a file, or a repeated field's values. */
type FieldInput = string | Blob | readonly (string | Blob)[] | undefined;

/**
 * The form a form action sends: a FormData as it is, or a typed form's fields (`{ title, tags, photo }`) encoded as
 * one (a part per array item, absent fields left out); nothing is an empty form.
 */
export function formBody(given: unknown): FormData {
  if (given instanceof FormData) return given;
  const form = new FormData();
  if (given === undefined || given === null) return form;
  if (typeof given !== 'object' || Array.isArray(given)) throw new TypeError('actionwire: this action takes a FormData or an object of its form fields');
  for (const [name, value] of Object.entries(given as Record<string, FieldInput>)) {
    for (const item of Array.isArray(value) ? (value as readonly (string | Blob)[]) : value === undefined ? [] : [value as string | Blob]) {
      if (typeof item !== 'string' && !(item instanceof Blob)) throw new TypeError(`actionwire: the form field "${name}" takes text or a Blob (or an array of them)`);
      form.append(name, item);
    }
  }
  return form;
}
