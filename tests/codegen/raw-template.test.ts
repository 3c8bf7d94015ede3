import { rawTemplateText } from '../../codegen/naming.js';
import { compileRouteFunctions } from '../../runtime/server/index.js';

/** What a generated file does with the text: carry it in a String.raw template, then evaluate or parse it. */
function throughTemplate(text: string): string {
  return new Function(`return String.raw\`${rawTemplateText(text)}\`;`)() as string;
}

const awkward = ['a`b', 'x${y}', 'back\\slash', 'quote"', 'line\u2028separator', '`${`', 'tab\there'];

describe('String.raw carriage of generated JavaScript and JSON', () => {
  it('keeps string literals with backticks, ${, backslashes and line separators intact', () => {
    const source = `return ${JSON.stringify(awkward)};`;
    expect(new Function(throughTemplate(source))()).toEqual(awkward);
  });

  it('keeps JSON parseable to the same value', () => {
    const plans = Object.fromEntries(awkward.map((name) => [name, ['o', { [name]: 'd' }]]));
    expect(JSON.parse(throughTemplate(JSON.stringify(plans)))).toEqual(plans);
  });
});

describe('compileRouteFunctions', () => {
  const source = 'function decode0(v, e) { if (keyCount(v) > 1) e.push({ path: "", message: "too many" }); return [v]; }\nreturn [[decode0, undefined]];';

  it('compiles the table once and hands out its functions, with the runtime helpers in scope', () => {
    const functions = compileRouteFunctions('/actions', source);
    const issues: Array<{ path: string; message: string }> = [];
    expect(functions.decoder(0)({ a: 1 }, issues)).toEqual([{ a: 1 }]);
    functions.decoder(0)({ a: 1, b: 2 }, issues);
    expect(issues).toEqual([{ path: '', message: 'too many' }]);
  });

  it('says so when the routes and the table disagree', () => {
    const functions = compileRouteFunctions('/actions', source);
    expect(() => functions.decoder(1)).toThrow('no action #1');
    expect(() => functions.encoder(0)).toThrow('no serializer');
  });
});
