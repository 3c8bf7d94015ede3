/** The generated client's own files, beside one file per 'use server' module: no module may take these names. */
export const CLIENT_TYPES_MODULE = '_types';
/** Registers every action's shape with actionwire/client, so that references the server returns become functions (see `fromReference`). */
export const CLIENT_REFERENCES_MODULE = '_references';
export const RESERVED_CLIENT_MODULES: ReadonlySet<string> = new Set(['index', CLIENT_TYPES_MODULE, CLIENT_REFERENCES_MODULE]);

/** What each generated client module exports besides its actions (`bind`, used by `createClient`): no action may be exported under these names. */
export const CLIENT_MODULE_EXPORTS: ReadonlySet<string> = new Set(['bind']);

/**
 * The names a generated client module binds or reads at its top level besides its actions and the named
 * types it imports; an action whose export name is one of them is held under another identifier there.
 */
export const CLIENT_MODULE_SCOPE: ReadonlySet<string> = new Set([
  'bind',
  'bound',
  'defaultCaller',
  'bindActions',
  'actionShapes',
  'ClientModuleShape',
  'Caller$',
  'ActionFunction$',
  'JSON',
  'String',
  'Promise',
  'undefined',
  'NaN',
  'Infinity',
]);

/** The names client/index.js binds or exports besides the module namespaces; a namespace never takes one. */
export const CLIENT_INDEX_SCOPE: ReadonlySet<string> = new Set([
  'createClient',
  'configureClient',
  'ActionError',
  'ClientOptions',
  'createCaller',
  'call',
  'options',
  'undefined',
  'NaN',
  'Infinity',
]);
