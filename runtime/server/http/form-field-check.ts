import type { FormField } from '../../../model/model.js';
import { pointerToken } from '../codec/decode-helpers.js';
import type { IssueList } from '../problems/issue-list.js';

/** A browser sends a file input left empty as a nameless, empty file: for the form, no file at all. */
function isEmptyFileInput(value: FormDataEntryValue): boolean {
  return typeof value !== 'string' && value.size === 0 && value.name === '';
}

/** Field names the protocol and React own (`$bound`, `$action`, React's `$ACTION_…`): never the form's own fields. */
function isProtocolField(name: string): boolean {
  return name.startsWith('$');
}

function checkValue(field: FormField, value: FormDataEntryValue, path: string, issues: IssueList): void {
  if (field.kind === 'file') {
    if (typeof value === 'string') issues.add(path, 'must be a file');
  } else if (typeof value !== 'string') {
    issues.add(path, 'must be text, not a file');
  } else if (field.values !== undefined && !field.values.includes(value)) {
    issues.add(path, `must be one of ${field.values.map((allowed) => JSON.stringify(allowed)).join(', ')}`);
  }
}

/**
 * The values of `form` as the object its declared fields describe, with every problem added to `issues` (paths
 * are JSON Pointers: `/title`, `/tags/1`): a required field missing, a single field given more than once, text
 * where a file belongs or the other way round, a value outside a literal union, and — unless the router's
 * `unknownProperties` is 'strip', which leaves them out of the values — a field the form does not declare.
 */
export function checkFormFields(form: FormData, fields: readonly FormField[], issues: IssueList, unknownFields: 'reject' | 'strip' = 'reject'): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const declared = new Set<string>();
  for (const field of fields) {
    declared.add(field.name);
    const path = `/${pointerToken(field.name)}`;
    const given = form.getAll(field.name).filter((value) => !(field.kind === 'file' && isEmptyFileInput(value)));
    if (field.repeated) {
      given.forEach((value, index) => checkValue(field, value, `${path}/${index}`, issues));
      if (given.length > 0 || !field.optional) values[field.name] = given;
    } else if (given.length > 1) {
      issues.add(path, `must be given once, not ${given.length} times`);
    } else if (given.length === 0) {
      if (!field.optional) issues.add(path, 'is required');
    } else {
      const [value] = given as [FormDataEntryValue];
      checkValue(field, value, path, issues);
      values[field.name] = value;
    }
  }
  if (unknownFields === 'strip') return values;
  const unknown = new Set<string>();
  for (const name of form.keys()) {
    if (!declared.has(name) && !isProtocolField(name) && !unknown.has(name)) {
      unknown.add(name);
      issues.add(`/${pointerToken(name)}`, 'is not a field of this form');
    }
  }
  return values;
}
