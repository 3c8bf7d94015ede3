import fc from 'fast-check';
import { embeddedJson, jsonByLine } from '../../codegen/embedded-json.js';

describe('data embedded in generated files, an entry per line', () => {
  it('reads back as JSON.stringify of the same value, for any JSON value (and any string in it)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(jsonByLine(value))).toEqual(JSON.parse(JSON.stringify(value)));
        expect(new Function(`return ${embeddedJson(value)};`)()).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('puts each property of the outer object, and each entry of its values, on its own line, and writes the rest compactly', () => {
    const text = jsonByLine({ version: 4, schemas: [{ name: 'A', type: { kind: 'string' } }, { name: 'B' }], actions: [], plans: { User: ['o', { at: 'd' }] } });
    expect(text.split('\n')).toEqual(['{', '"version":4,', '"schemas":[', '{"name":"A","type":{"kind":"string"}},', '{"name":"B"}', '],', '"actions":[],', '"plans":{', '"User":["o",{"at":"d"}]', '}', '}']);
  });

  it('writes each item of an outer array compactly on its own line', () => {
    expect(jsonByLine([{ module: 0, name: 'a' }, { module: 1, name: 'b' }])).toBe('[\n{"module":0,"name":"a"},\n{"module":1,"name":"b"}\n]');
  });

  it('leaves out undefined properties and writes undefined entries of an array as null, as JSON.stringify does', () => {
    expect(JSON.parse(jsonByLine({ a: undefined, b: [undefined, 1] }))).toEqual({ b: [null, 1] });
  });
});
