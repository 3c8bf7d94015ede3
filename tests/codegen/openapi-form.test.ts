import { formRequestBody } from '../../codegen/openapi-form.js';
import type { FormField } from '../../model/model.js';

/** The request body of a form action in openapi.json, from hand-written fields (no Program). */
const bound = { type: 'string' };

interface Body {
  required: boolean;
  content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }>;
}
const body = (fields: readonly FormField[] | undefined, seal: typeof bound | undefined): Body => formRequestBody(fields, seal) as unknown as Body;

describe('formRequestBody', () => {
  it('keeps a plain FormData open (any fields) in both media types, an inline one with its $bound', () => {
    const open = { type: 'object', additionalProperties: true };
    expect(formRequestBody(undefined, undefined)).toEqual({ required: true, content: { 'multipart/form-data': { schema: open }, 'application/x-www-form-urlencoded': { schema: open } } });
    expect(body(undefined, bound).content['multipart/form-data']?.schema).toEqual({ type: 'object', properties: { $bound: bound }, required: ['$bound'], additionalProperties: true });
  });

  it('describes declared fields closed, the required ones listed (never a repeated one), urlencoded only without files', () => {
    const text: FormField[] = [
      { name: 'q', kind: 'text', repeated: false, optional: false },
      { name: 'sort', kind: 'text', values: ['new', 'old'], repeated: false, optional: true },
      { name: 'tags', kind: 'text', repeated: true, optional: false },
    ];
    const schema = { type: 'object', properties: { q: { type: 'string' }, sort: { type: 'string', enum: ['new', 'old'] }, tags: { type: 'array', items: { type: 'string' } } }, required: ['q'], additionalProperties: false };
    expect(formRequestBody(text, undefined)).toEqual({ required: true, content: { 'multipart/form-data': { schema }, 'application/x-www-form-urlencoded': { schema } } });
    const withFile = body([...text, { name: 'photo', kind: 'file', repeated: false, optional: false }], bound);
    expect(Object.keys(withFile.content)).toEqual(['multipart/form-data']);
    expect(withFile.content['multipart/form-data']?.schema.properties?.['photo']).toEqual({ type: 'string', contentMediaType: 'application/octet-stream' });
    expect(withFile.content['multipart/form-data']?.schema.required).toEqual(['$bound', 'q', 'photo']);
  });
});
