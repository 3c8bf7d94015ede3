import type { FormField } from '../../model/model.js';
import { checkFormFields } from '../../runtime/server/http/form-field-check.js';
import { fieldsOf, type FormFields } from '../../runtime/server/http/typed-form.js';
import { IssueList } from '../../runtime/server/problems/issue-list.js';

/** The router's check of a typed form, without a server: what it returns, what it reports, what it leaves alone. */
const fields: FormField[] = [
  { name: 'title', kind: 'text', repeated: false, optional: false },
  { name: 'size', kind: 'text', values: ['l', 's'], repeated: false, optional: true },
  { name: 'tags', kind: 'text', repeated: true, optional: true },
  { name: 'photo', kind: 'file', repeated: false, optional: true },
];

function check(entries: Array<[string, string | Blob]>, max = 20, unknownFields: 'reject' | 'strip' = 'reject'): { values: Record<string, unknown>; issues: Array<{ path: string; message: string }>; omitted: number } {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  const list = new IssueList(max);
  const values = checkFormFields(form, fields, list, unknownFields);
  const problem = list.problem('bad') as { errors?: Array<{ path: string; message: string }>; omittedErrors?: number };
  return { values, issues: list.count > 0 ? (problem.errors ?? []) : [], omitted: problem.omittedErrors ?? 0 };
}

describe('checkFormFields', () => {
  it('returns the declared fields only: an optional repeated field left out is absent, a given one an array', () => {
    expect(check([['title', 'T']])).toEqual({ values: { title: 'T' }, issues: [], omitted: 0 });
    const photo = new File(['x'], 'x.png');
    const { values, issues } = check([['title', 'T'], ['tags', 'a'], ['tags', 'b'], ['size', 's'], ['photo', photo], ['$bound', 'seal'], ['$action', '']]);
    expect(issues).toEqual([]);
    expect(values).toEqual({ title: 'T', size: 's', tags: ['a', 'b'], photo: expect.any(File) });
    expect(Object.keys(values)).not.toContain('$bound');
  });

  it('escapes field names into JSON Pointer tokens and names each unknown field once', () => {
    expect(check([['title', 'T'], ['a/b', '1'], ['a/b', '2'], ['~x', '']]).issues).toEqual([
      { path: '/a~1b', message: 'is not a field of this form' },
      { path: '/~0x', message: 'is not a field of this form' },
    ]);
  });

  it('leaves unknown fields out without a problem under the router’s unknownProperties: \'strip\'', () => {
    expect(check([['title', 'T'], ['admin', 'true']], 20, 'strip')).toEqual({ values: { title: 'T' }, issues: [], omitted: 0 });
  });

  it('caps the problems it lists, counting the rest', () => {
    const entries: Array<[string, string]> = Array.from({ length: 50 }, (_, index) => [`unknown${index}`, 'v']);
    const { issues, omitted } = check(entries, 5);
    expect(issues).toHaveLength(5);
    expect(omitted).toBe(46);
  });
});

describe('fieldsOf', () => {
  it('refuses a FormData no router checked, with a TypeError that says so', () => {
    const form: FormFields<{ title: string }> = new FormData();
    expect(() => fieldsOf(form)).toThrow(new TypeError('actionwire: fieldsOf(form) reads the fields of a form an action router checked; this FormData did not come through one (call the action through its route)'));
  });
});
