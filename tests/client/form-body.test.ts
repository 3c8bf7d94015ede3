import { formBody } from '../../runtime/client/form-body.js';

/** How a form action's client function turns its argument into the form it sends. */
describe('formBody', () => {
  it('sends a FormData as it is, and nothing as an empty form', () => {
    const form = new FormData();
    expect(formBody(form)).toBe(form);
    expect([...formBody(undefined)]).toEqual([]);
    expect([...formBody(null)]).toEqual([]);
  });

  it('encodes a typed form’s fields: a part per array item, files as files, absent fields left out', () => {
    const file = new File(['abc'], 'a.txt', { type: 'text/plain' });
    const entries = [...formBody({ title: 'T', tags: ['x', 'y'], photo: file, note: undefined, none: [] })];
    expect(entries.map(([name, value]) => [name, typeof value === 'string' ? value : `${value.name}:${value.size}`])).toEqual([
      ['title', 'T'],
      ['tags', 'x'],
      ['tags', 'y'],
      ['photo', 'a.txt:3'],
    ]);
  });

  it('refuses what is neither a form nor its fields, naming the field', () => {
    expect(() => formBody('text')).toThrow(new TypeError('actionwire: this action takes a FormData or an object of its form fields'));
    expect(() => formBody(['a'])).toThrow(TypeError);
    expect(() => formBody({ count: 3 })).toThrow(new TypeError('actionwire: the form field "count" takes text or a Blob (or an array of them)'));
  });
});
