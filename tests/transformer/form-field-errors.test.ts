import { join } from 'node:path';
import { tspc, writeProject } from '../helpers/project.js';

/** A typed form whose fields no form can carry fails the tspc build, each field named at the parameter's file:line:col. */
describe('form fields that a form cannot carry', () => {
  const dir = writeProject('form-field-errors', {
    'src/forms.ts': `'use server';
import { fieldsOf, type FormFields } from 'actionwire/server';

export async function good(form: FormFields<{ title: string; photo?: File }>): Promise<string> {
  return fieldsOf(form).title;
}
export async function bad(form: FormFields<{ title: string; count: string | File; matrix: string[][]; $bound: string }>): Promise<void> {}
`,
  });
  const result = tspc(dir);
  const lines = result.output.split('\n').filter((line) => line.includes('actionwire/'));

  it('fails the build', () => {
    expect(result.status).not.toBe(0);
  });

  it('reports each field with its name, at the parameter (in the order tspc prints them)', () => {
    const at = `${join('src', 'forms.ts')}(7,27): error TS93019: [actionwire/unsupported-form-field] bad(form) declares the form field`;
    expect(lines).toEqual([
      expect.stringContaining(`${at} '$bound' as 'string': field names starting with $ belong to the protocol ($bound, $action); rename it`),
      expect.stringContaining(`${at} 'count' as 'string | File': a form field holds text (string or string literals), a file (File, Blob), or an array of either`),
      expect.stringContaining(`${at} 'matrix' as 'string[][]': a repeated field holds text (string or string literals) or files (File, Blob)`),
    ]);
  });
});
