import { defineModuleRoutes, type RoutesModel } from 'actionwire/server';

const model: RoutesModel = {
  schemas: [],
  actions: [
    { route: 'users/list', params: [], form: false, mayReturnNothing: false, returns: { kind: 'number' } },
    { route: 'page/Page.save', params: [], form: false, mayReturnNothing: true, bound: [] },
  ],
};

describe('route tables from module namespaces (what generated routes.ts calls)', () => {
  it('takes each action from its module by export name', () => {
    const list = async (): Promise<number> => 1;
    const save = async (): Promise<void> => undefined;
    const routes = defineModuleRoutes(
      model,
      [
        { module: 0, name: 'list', moduleId: 'users' },
        { module: 1, name: '__actionwire$Page$save', moduleId: 'page', inline: true },
      ],
      { list },
      { __actionwire$Page$save: save },
    );
    expect(routes.map((route) => [route.route, route.action])).toEqual([
      ['users/list', list],
      ['page/Page.save', save],
    ]);
  });

  it('stops the server with what to do when an export is missing: generate again, or compile inline actions with the transformer', () => {
    expect(() => defineModuleRoutes(model, [{ module: 0, name: 'list', moduleId: 'users' }, { module: 1, name: 'x', moduleId: 'page', inline: true }], {}, {})).toThrow(
      "actionwire: users exports no function 'list', which the generated routes list: generate them again (tspc or actionwire generate)",
    );
    expect(() => defineModuleRoutes(model, [{ module: 0, name: 'list', moduleId: 'users' }, { module: 1, name: 'x', moduleId: 'page', inline: true }], { list: async () => 1 }, {})).toThrow(
      "actionwire: page has no hoisted inline action 'x': compile it with tspc and the actionwire transformer",
    );
  });

  it('reads only own exports (a namespace has no prototype; a plain object must not lend one)', () => {
    expect(() => defineModuleRoutes(model, [{ module: 0, name: 'toString', moduleId: 'users' }, { module: 1, name: 'y', moduleId: 'page' }], {}, {})).toThrow(/users exports no function 'toString'/);
  });
});
