import { expectAnalysisGolden, type AnalysisCase } from '../helpers/analysis-golden.js';

/** actionwire/server's FormFields, written out: the analysis reads the type's shape (FormData and the `~fields` marker), not its name. */
const FORM_FIELDS = `type FormFieldValue = string | File | Blob | readonly string[] | readonly File[] | readonly Blob[];
type FormFields<T extends { [K in keyof T]: FormFieldValue | undefined }> = FormData & { readonly '~fields'?: T };
`;

/** Typed forms: each field kind in the model, and the declarations no form can carry reported with the field's name. */
const cases: AnalysisCase[] = [
  {
    name: 'field-kinds',
    dom: true,
    sources: {
      'src/forms.ts': `'use server';
${FORM_FIELDS}
interface Upload {
  title: string;
  notify?: 'yes';
  colour: 'red' | 'green' | 'blue';
  tags: string[];
  sizes?: readonly ('s' | 'm')[];
  photo?: File;
  attachment: Blob;
  photos: File[];
  note: string | undefined;
}
export async function upload(form: FormFields<Upload>): Promise<void> {}
export async function inlineFields(form: FormFields<{ email: string; password: string }>): Promise<string> { return ''; }
export async function optionalForm(form?: FormFields<{ q?: string }>): Promise<void> {}
export async function plain(form: FormData): Promise<void> {}
`,
    },
  },
  {
    name: 'bad-fields',
    dom: true,
    sources: {
      'src/forms.ts': `'use server';
type FormFields<T> = FormData & { readonly '~fields'?: T };
export async function numbers(form: FormFields<{ count: number; ok: boolean }>): Promise<void> {}
export async function nested(form: FormFields<{ address: { zip: string }; matrix: string[][] }>): Promise<void> {}
export async function mixed(form: FormFields<{ either: string | File; dollar: string; $bound: string }>): Promise<void> {}
export async function withOther(form: FormFields<{ a: string }>, extra: string): Promise<void> {}
export async function formInside(value: { form: FormFields<{ a: string }> }): Promise<void> {}
`,
    },
  },
];

describe('typed form fields (FormFields<T>)', () => {
  it.each(cases)('$name', (testCase) => expectAnalysisGolden('form-fields', testCase));
});
