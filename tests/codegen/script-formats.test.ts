import fc from 'fast-check';
import ts from 'typescript';
import { generateClientScripts } from '../../codegen/generate.js';
import { MODEL_VERSION, type Action, type Model } from '../../model/model.js';
import { decideClientNames } from '../../transformer/analysis/names/client-names.js';

/**
 * The generated client's scripts are written twice from the same statements, as ES modules and as CommonJS
 * (codegen/module-script.ts). Differential: for random clients (module paths, export names that are
 * identifiers, reserved words, `default` or no identifier at all, form actions, action references), our
 * CommonJS and TypeScript's own CommonJS transform of our ES modules must give every module the same exports.
 */

const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 100);
const SEED = process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261126 };

const EXPORT_NAMES = ['list', 'default', 'delete', 'a-b', 'grüße', 'bind2', 'bound', 'User', 'x y', 'class', 'bindActions', '$x'];
const MODULE_IDS = ['app/users', 'misc', 'a/b/c', 'it-s'];

const clientModel = fc
  .uniqueArray(fc.constantFrom(...MODULE_IDS), { minLength: 1, maxLength: 3 })
  .chain((moduleIds) =>
    fc.record({
      moduleIds: fc.constant(moduleIds),
      actions: fc.array(
        fc.record({ module: fc.constantFrom(...moduleIds), name: fc.constantFrom(...EXPORT_NAMES), form: fc.boolean(), params: fc.uniqueArray(fc.constantFrom('a', 'b', 'input'), { maxLength: 2 }) }),
        { maxLength: 8 },
      ),
      references: fc.boolean(),
    }),
  )
  .map(({ moduleIds, actions, references }): Model => {
    const seen = new Set<string>();
    const list: Action[] = [];
    for (const drawn of actions) {
      const route = `${drawn.module}/${drawn.name}`;
      if (seen.has(route)) continue;
      seen.add(route);
      const action: Action = {
        moduleId: drawn.module,
        exportName: drawn.name,
        route,
        params: drawn.form ? [] : drawn.params.map((name) => ({ name, type: { kind: 'string' }, optional: false })),
        source: { file: `src/${drawn.module}.ts`, line: 1, column: 1 },
      };
      if (drawn.form) action.form = { name: 'form', optional: false };
      if (references) action.returns = { kind: 'action', params: [], returns: { kind: 'string' } };
      list.push(action);
    }
    for (const moduleId of moduleIds) decideClientNames(list.filter((action) => action.moduleId === moduleId));
    return {
      version: MODEL_VERSION,
      basePath: '/actions',
      title: 'formats',
      importExtension: '.js',
      modules: moduleIds.map((moduleId) => ({ moduleId, importPath: `../${moduleId}.js`, namespace: moduleId.replace(/[^a-z]/g, '') })),
      actions: list,
      schemas: [],
    };
  });

/** A stand-in for actionwire/client and actionwire/internal/client whose functions leave a trace of what they were given. */
const runtime = {
  bindActions: (_call: unknown, shape: { actions: Record<string, [string]> }) => Object.fromEntries(Object.entries(shape.actions).map(([name, [path]]) => [name, `action ${path}`])),
  defaultCaller: 'default caller',
  createCaller: (options: unknown) => ({ caller: options }),
  registerActions: () => undefined,
  configureClient: 'configureClient',
  ActionError: 'ActionError',
  fromReference: 'fromReference',
};

type Exports = Record<string, unknown>;

/** Runs CommonJS scripts (by path relative to the generated directory) and returns each one's exports, as plain data. */
function loadAll(scripts: ReadonlyMap<string, string>): Record<string, unknown> {
  const cache = new Map<string, Exports>();
  const load = (name: string): Exports => {
    const known = cache.get(name);
    if (known) return known;
    const exports: Exports = {};
    cache.set(name, exports);
    const requireFrom = (specifier: string): unknown => {
      if (specifier === 'actionwire/client' || specifier === 'actionwire/internal/client') return runtime;
      const directory = name.split('/').slice(0, -1);
      for (const part of specifier.split('/')) {
        if (part === '..') directory.pop();
        else if (part !== '.') directory.push(part);
      }
      return load(directory.join('/'));
    };
    const text = scripts.get(name);
    if (text === undefined) throw new Error(`no script ${name}`);
    new Function('exports', 'require', text)(exports, requireFrom);
    return exports;
  };
  const plain = (value: unknown): unknown => {
    if (typeof value === 'function') return plain((value as (options: unknown) => unknown)({ seen: 'options' }));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, plain((value as Exports)[key])]));
  };
  return Object.fromEntries([...scripts.keys()].map((name) => [name, plain(load(name))]));
}

function viaTypeScript(esm: ReadonlyMap<string, string>): Map<string, string> {
  const transpiled = new Map<string, string>();
  for (const [name, text] of esm) {
    transpiled.set(name, ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false }, fileName: 'script.ts' }).outputText);
  }
  return transpiled;
}

describe('the generated scripts as ES modules and as CommonJS', () => {
  it('export the same names and values (ours vs TypeScript’s CommonJS transform of our ES modules)', () => {
    fc.assert(
      fc.property(clientModel, (model) => {
        expect(loadAll(generateClientScripts(model, 'cjs'))).toEqual(loadAll(viaTypeScript(generateClientScripts(model, 'esm'))));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });
});
