import { MODEL_VERSION } from '../../model/version.js';
import { compileRoutes, IssueList, type RoutesModel, type TypeNode } from '../../runtime/server/internal.js';

const shape = (properties: Array<[string, TypeNode]>): TypeNode => ({ kind: 'object', properties: properties.map(([name, type]) => ({ name, type, optional: false })) });

const model: RoutesModel = {
  version: MODEL_VERSION,
  schemas: [],
  actions: [
    {
      route: 'app/page/Page.pick',
      params: [],
      returns: { kind: 'string' },
      form: false,
      mayReturnNothing: false,
      bound: [
        { name: 'choice', type: { kind: 'union', members: [shape([['at', { kind: 'date' }]]), shape([['count', { kind: 'bigint' }]])] }, optional: false },
        { name: 'ids', type: { kind: 'set', items: { kind: 'bigint' } }, optional: false },
        { name: 'maybe', type: { kind: 'string' }, optional: true },
      ],
    },
    { route: 'app/page/Page.none', params: [], form: false, mayReturnNothing: false, bound: [] },
    { route: 'app/actions/plain', params: [], form: false, mayReturnNothing: false },
  ],
};

describe('the compiled functions of bound values', () => {
  const compiled = compileRoutes(model);
  const bound = compiled.compiled(0).bound;
  if (bound === undefined) throw new Error('no bound functions');

  it('write the captured values pruned, as return values are written, and read them back revived (unions, sets, bigints, dates)', () => {
    const text = bound.encode({ choice: { count: 12n, extra: true }, ids: new Set([1n, 2n]), ignored: 'x' });
    expect(JSON.parse(text)).toEqual({ choice: { count: '12' }, ids: ['1', '2'] });
    const issues = new IssueList(20);
    expect(bound.decode(JSON.parse(text), issues)).toEqual({ choice: { count: 12n }, ids: new Set([1n, 2n]) });
    expect(issues.count).toBe(0);
    const dated = bound.decode(JSON.parse(bound.encode({ choice: { at: new Date(0) }, ids: [], maybe: 'yes' })), issues);
    expect(dated).toEqual({ choice: { at: new Date(0) }, ids: new Set(), maybe: 'yes' });
  });

  it('report problems below /$bound, undeclared keys included', () => {
    const issues = new IssueList(20);
    bound.decode({ choice: { count: 5 }, ids: ['x'], stray: 1 }, issues);
    expect(issues.list.map((issue) => issue.path)).toEqual(['/$bound/choice/count', '/$bound/ids/0', '/$bound/stray']);
    const notObject = new IssueList(20);
    bound.decode([1], notObject);
    expect(notObject.list).toEqual([{ path: '/$bound', message: 'must be an object' }]);
  });

  it('exist only for inline actions that capture values', () => {
    expect(compiled.compiled(1).bound).toBeUndefined();
    expect(compiled.compiled(2).bound).toBeUndefined();
  });
});
