import { MODEL_VERSION } from '../../model/version.js';
import { rawTemplateText } from '../../codegen/naming.js';
import { compileRoutes, defineActionRoutes, IssueList, type RoutesModel } from '../../runtime/server/internal.js';

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

describe('a route table from its model', () => {
  const model: RoutesModel = {
    version: MODEL_VERSION,
    schemas: [],
    actions: [{ route: 'm/f', params: [{ name: 'a', type: { kind: 'number' }, optional: false }], returns: { kind: 'string' }, form: false, mayReturnNothing: false }],
  };

  it('compiles each action on its first call, with the runtime helpers in scope, and puts the compiled functions in the definition', () => {
    const [definition] = defineActionRoutes(model, [async (a: number) => String(a)]);
    if (!definition) throw new Error('no definition');
    const stub = definition.decode;
    const issues = new IssueList(10);
    expect(definition.decode({ a: 1 }, issues)).toEqual([1]);
    expect(definition.decode).not.toBe(stub);
    definition.decode({ a: 1, b: 2 }, issues);
    expect(issues.list).toEqual([{ path: '/b', message: 'is not a declared property' }]);
    expect(definition.encode?.('x')).toBe('"x"');
  });

  it('says so when the routes and their functions disagree', () => {
    expect(() => compileRoutes(model).compiled(1)).toThrow('no action #1');
    expect(() => defineActionRoutes(model, [])).toThrow('describe 1 actions but list 0 functions');
  });
});
