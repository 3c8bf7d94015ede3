import { MODEL_VERSION, type Model, type TypeNode } from '../../model/model.js';

const user: TypeNode = {
  kind: 'object',
  properties: [
    { name: 'id', type: { kind: 'number', integer: true }, optional: false },
    { name: 'name', type: { kind: 'string' }, optional: false, description: 'display name' },
    { name: 'email', type: { kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] }, optional: false },
    { name: 'role', type: { kind: 'ref', name: 'Role' }, optional: true },
    { name: 'joinedAt', type: { kind: 'date' }, optional: false },
    { name: 'friends', type: { kind: 'array', items: { kind: 'ref', name: 'User' } }, optional: true },
  ],
};

/** A model written by hand: the emitters are tested without a TypeScript program. */
export const usersModel: Model = {
  version: MODEL_VERSION,
  basePath: '/actions',
  title: 'golden',
  importExtension: '.js',
  modules: [
    { moduleId: 'app/users', importPath: '../app/users.js', namespace: 'appUsers' },
    { moduleId: 'misc', importPath: '../misc.js', namespace: 'misc' },
  ],
  actions: [
    {
      moduleId: 'app/users',
      exportName: 'createUser',
      route: 'app/users/createUser',
      description: 'Creates a user.',
      params: [
        {
          name: 'data',
          optional: false,
          type: {
            kind: 'object',
            properties: [
              { name: 'name', type: { kind: 'string' }, optional: false },
              { name: 'tags', type: { kind: 'array', items: { kind: 'string' } }, optional: true },
              { name: 'since', type: { kind: 'date' }, optional: true },
            ],
          },
        },
        { name: 'notify', optional: true, type: { kind: 'boolean' } },
      ],
      returns: { kind: 'ref', name: 'User' },
      errors: [
        { status: 400, codes: ['bad-name'] },
        { status: 401, codes: ['not-signed-in'] },
        { status: 409, codes: ['email-taken', 'name-taken'] },
        { status: 429, codes: [], mayOmitCode: true },
        { status: 500, codes: ['maintenance'] },
        { status: 502, codes: [], mayOmitCode: true, anyCode: true },
      ],
      source: { file: 'app/users.ts', line: 3, column: 1 },
    },
    {
      moduleId: 'app/users',
      exportName: 'listUsers',
      route: 'app/users/listUsers',
      params: [],
      returns: { kind: 'array', items: { kind: 'ref', name: 'User' } },
      source: { file: 'app/users.ts', line: 9, column: 1 },
    },
    {
      moduleId: 'misc',
      exportName: 'default',
      route: 'misc/default',
      params: [{ name: 'settings', optional: false, type: { kind: 'object', properties: [], additional: { kind: 'number' } } }],
      source: { file: 'misc.ts', line: 1, column: 1 },
    },
    {
      moduleId: 'misc',
      exportName: 'shape',
      route: 'misc/shape',
      params: [{ name: 'input', optional: false, type: { kind: 'ref', name: 'Shape' } }],
      returns: { kind: 'ref', name: 'Shape' },
      source: { file: 'misc.ts', line: 5, column: 1 },
    },
  ],
  schemas: [
    { name: 'Role', type: { kind: 'union', members: [{ kind: 'literal', value: 'admin' }, { kind: 'literal', value: 'member' }] } },
    {
      name: 'Shape',
      type: {
        kind: 'union',
        members: [
          {
            kind: 'object',
            properties: [
              { name: 'kind', type: { kind: 'literal', value: 'circle' }, optional: false },
              { name: 'radius', type: { kind: 'number' }, optional: false },
            ],
          },
          {
            kind: 'object',
            properties: [
              { name: 'kind', type: { kind: 'literal', value: 'square' }, optional: false },
              { name: 'side', type: { kind: 'number' }, optional: false },
              { name: 'at', type: { kind: 'date' }, optional: true },
            ],
          },
        ],
      },
    },
    { name: 'User', type: user, description: 'A user as clients see it' },
  ],
};
