import fc from 'fast-check';
import { templateLiteral } from '../../codegen/naming.js';

const evaluate = (source: string): unknown => new Function(`return ${source};`)();

describe('templateLiteral (openapi-document.js carries openapi.json as one)', () => {
  it('evaluates to exactly the text it was given', () => {
    for (const text of ['the ActionError’s `code`', '${notAnInterpolation}', 'a \\u0060 kept as six characters', 'back\\\\slashes \\', 'crlf\r\nline', '']) {
      expect(evaluate(templateLiteral(text))).toBe(text);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', '$', '{', '\\', '\r', '\n', 'u', '0', 'a', '’') }), (text) => evaluate(templateLiteral(text)) === text),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => evaluate(templateLiteral(text)) === text));
  });

  it('keeps the text’s lines as lines', () => {
    expect(templateLiteral('{\n  "a": 1\n}').split('\n')).toHaveLength(3);
  });
});
