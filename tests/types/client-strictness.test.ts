import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { generateFiles } from '../../codegen/generate.js';
import type { Action, Model, TypeNode } from '../../model/model.js';
import { isDateTime } from '../../runtime/shared/date-time.js';
import { analyzeFixture, fixtureProgram, typeErrors } from '../helpers/analysis-program.js';
import { compiledFunctions, identityAction, issueList, modelWith } from '../helpers/compiled-functions.js';
import { repoRoot } from '../helpers/paths.js';
import { containsSkip, mutated, SKIP, wireValue } from '../compiler/arbitraries.js';

/**
 * The generated client's parameter types against the server's validation, family by family of the type
 * fixture: random valid and hostile values (fast-check) go to the compiled route validator and, written
 * as TypeScript, to a program that type-checks them against the generated client declarations. A value
 * the server refuses must not compile; a value it accepts must compile.
 *
 * What TypeScript cannot say, and so stays out of the values: the keys `__proto__`, `constructor` and
 * `prototype` (refused in records and `unknown`), repeated Map keys and Set items, and base64 or date-time
 * texts that are not canonical (a client sends `Uint8Array` and `Date`, which always serialize well).
 */
const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 150);
const SEED = process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261206 };

const fixtureSrc = join(repoRoot, 'tests', 'fixtures', 'types', 'src');
const libraries = Object.fromEntries(readdirSync(join(fixtureSrc, 'lib')).map((name) => [`src/lib/${name}`, readFileSync(join(fixtureSrc, 'lib', name), 'utf8')]));
/** `anything` takes `unknown` (any JSON but reserved keys: nothing for TypeScript to check). */
const families = readdirSync(join(fixtureSrc, 'families'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''))
  .filter((name) => name !== 'anything')
  .sort();

/** Keys a hostile value gains: undeclared ones, and number-looking texts that are not a number's own text. */
const HOSTILE_KEYS = ['extra', 'notANumber', 'a/b', '1', '-0.25', '1e3', '01', '-0', 'NaN'];

/** A key and a value that is valid somewhere, to put where it may not belong. */
interface ForeignEntry {
  key: string;
  value: fc.Arbitrary<unknown>;
}

/**
 * Every property the types declare, with valid values for it (a property of one union member is a stranger to
 * the others), and each hostile key with valid values of each record's value type.
 */
function foreignEntries(types: readonly TypeNode[], schemas: ReadonlyMap<string, TypeNode>): ForeignEntry[] {
  const entries: ForeignEntry[] = [];
  const seen = new Set<TypeNode>();
  const visit = (type: TypeNode): void => {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.kind === 'object') {
      for (const property of type.properties) {
        entries.push({ key: property.name, value: wireValue(property.type, schemas, 2) });
        visit(property.type);
      }
      if (type.additional) {
        for (const key of HOSTILE_KEYS) entries.push({ key, value: wireValue(type.additional, schemas, 2) });
        visit(type.additional);
      }
    } else if (type.kind === 'union') type.members.forEach(visit);
    else if (type.kind === 'array' || type.kind === 'set') visit(type.items);
    else if (type.kind === 'tuple') [...type.items, ...(type.rest ? [type.rest] : [])].forEach(visit);
    else if (type.kind === 'map') [type.key, type.value].forEach(visit);
  };
  types.forEach(visit);
  return entries;
}

/** The plain objects inside a value, the value itself included. */
function objectsIn(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  return [object, ...Object.values(object).flatMap(objectsIn)];
}

/** A copy of `value` with one foreign entry set on one of its objects. */
function withForeignEntry(value: unknown, entries: readonly ForeignEntry[]): fc.Arbitrary<unknown> {
  if (entries.length === 0 || objectsIn(value).length === 0) return fc.constant(value);
  return fc.tuple(fc.nat(objectsIn(value).length - 1), fc.nat(entries.length - 1)).chain(([at, which]) => {
    const entry = entries[which] as ForeignEntry;
    return entry.value.map((inner) => {
      const copy = structuredClone(value);
      const target = objectsIn(copy)[at] as Record<string, unknown>;
      Object.defineProperty(target, entry.key, { value: inner, enumerable: true, writable: true, configurable: true });
      return copy;
    });
  });
}

interface Case {
  action: Action;
  parameter: number;
  wire: unknown;
}

/** A value as TypeScript source, in the form a client passes it (`new Date(…)` where the type says Date and the text is one). */
function printValue(type: TypeNode, value: unknown, schemas: ReadonlyMap<string, TypeNode>, fits: (type: TypeNode, value: unknown) => boolean): string {
  const print = (inner: TypeNode, item: unknown): string => printValue(inner, item, schemas, fits);
  const raw = (): string => printJson(value);
  switch (type.kind) {
    case 'ref': {
      const target = schemas.get(type.name);
      return target ? print(target, value) : raw();
    }
    case 'date':
      return typeof value === 'string' && isDateTime(value) ? `new Date(${JSON.stringify(value)})` : raw();
    case 'bigint':
      return typeof value === 'string' && /^-?(0|[1-9][0-9]*)$/.test(value) ? `${value}n` : raw();
    case 'bytes':
      return typeof value === 'string' && Buffer.from(value, 'base64').toString('base64') === value ? `new Uint8Array([${[...Buffer.from(value, 'base64')].join(', ')}])` : raw();
    case 'map':
      if (!Array.isArray(value) || !value.every((entry) => Array.isArray(entry) && entry.length === 2)) return raw();
      return `new Map([${value.map((entry: unknown[]) => `[${print(type.key, entry[0])}, ${print(type.value, entry[1])}] as const`).join(', ')}])`;
    case 'set':
      return Array.isArray(value) ? `new Set([${value.map((item) => print(type.items, item)).join(', ')}])` : raw();
    case 'array':
      return Array.isArray(value) ? `[${value.map((item) => print(type.items, item)).join(', ')}]` : raw();
    case 'tuple':
      return Array.isArray(value) ? `[${value.map((item, index) => print(index < type.items.length ? (type.items[index] as TypeNode) : (type.rest ?? { kind: 'unknown' }), item)).join(', ')}]` : raw();
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return raw();
      const entries = Object.entries(value).map(([key, item]) => {
        const declared = type.properties.find((property) => property.name === key)?.type;
        return `${JSON.stringify(key)}: ${print(declared ?? type.additional ?? { kind: 'unknown' }, item)}`;
      });
      return `{ ${entries.join(', ')} }`;
    }
    case 'union': {
      const member = type.members.find((candidate) => fits(candidate, value));
      return member ? print(member, value) : raw();
    }
    default:
      return raw();
  }
}

function printJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(printJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${printJson(item)}`).join(', ')} }`;
  return JSON.stringify(value);
}

function hasReservedKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasReservedKey);
  if (typeof value === 'object' && value !== null) return Object.keys(value).some((key) => ['__proto__', 'constructor', 'prototype'].includes(key)) || Object.values(value).some(hasReservedKey);
  return false;
}

/** TypeScript's verdict on each value: does `const v: Parameters<typeof f>[i] = value` compile against the generated client? */
function compiles(model: Model, family: string, cases: readonly Case[], printed: readonly string[]): boolean[] {
  const files = new Map<string, string>();
  for (const [name, text] of generateFiles(model)) if (name.endsWith('.d.ts')) files.set(`/virtual/${name}`, text);
  const lines = [`import type * as client from './client/families/${family}.js';`];
  const firstLine = lines.length;
  cases.forEach((entry, index) => lines.push(`export const v${index}: Parameters<typeof client[${JSON.stringify(entry.action.exportName)}]>[${entry.parameter}] = ${printed[index]};`));
  files.set('/virtual/values.ts', lines.join('\n'));
  // the client functions' type (ActionFunction) from the built actionwire/client, as a project gets it
  const paths = { 'actionwire/client': [join(repoRoot, 'dist', 'runtime', 'client', 'index.d.ts')] };
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], paths };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => files.has(name) || (!name.startsWith('/virtual/') && ts.sys.fileExists(name));
  host.readFile = (name) => files.get(name) ?? (name.startsWith('/virtual/') ? undefined : ts.sys.readFile(name));
  host.directoryExists = (name) => name.startsWith('/virtual') || ts.sys.directoryExists(name);
  host.getSourceFile = (name, version, onError, create) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile(name, version, onError, create) : ts.createSourceFile(name, text, version, true);
  };
  const program = ts.createProgram(['/virtual/values.ts'], options, host);
  const source = program.getSourceFile('/virtual/values.ts') as ts.SourceFile;
  const failing = new Set<number>();
  for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    if (line < firstLine) throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    failing.add(line - firstLine);
  }
  return cases.map((_entry, index) => !failing.has(index));
}

describe.each(families)('the client types of the %s family are exactly as strict as the server', (family) => {
  const fixture = fixtureProgram(`strictness-${family}`, { [`src/families/${family}.ts`]: readFileSync(join(fixtureSrc, 'families', `${family}.ts`), 'utf8'), ...libraries });
  const { model } = analyzeFixture(fixture);
  const schemas = new Map(model.schemas.map((schema) => [schema.name, schema.type]));
  const actions = model.actions.filter((action) => action.params.length > 0);
  const foreign = foreignEntries([...model.schemas.map((schema) => schema.type), ...actions.flatMap((action) => action.params.map((param) => param.type))], schemas);

  const checkers = new Map<string, (value: unknown) => boolean>();
  /** Does the server accept `value` as this type (its compiled validator, the fixture's named types included)? */
  const fits = (type: TypeNode, value: unknown): boolean => {
    const key = JSON.stringify(type);
    let check = checkers.get(key);
    if (!check) {
      const action = identityAction(type);
      const { decode } = compiledFunctions(modelWith([action], model.schemas), action);
      check = (candidate) => {
        const issues = issueList();
        decode({ value: structuredClone(candidate) }, issues);
        return issues.count === 0;
      };
      checkers.set(key, check);
    }
    return check(value);
  };

  it('has actions to check and no type errors', () => {
    expect(typeErrors(fixture)).toEqual([]);
    expect(actions.length).toBeGreaterThan(0);
  });

  it('refuses to compile what the server refuses, and compiles what it accepts', () => {
    const valuesOf = (action: Action, parameter: number): fc.Arbitrary<Case> => {
      const type = (action.params[parameter] as Action['params'][number]).type;
      return wireValue(type, schemas).chain((valid) =>
        (containsSkip(valid) ? fc.constant<unknown>(SKIP) : fc.oneof(fc.constant(valid), mutated(valid, HOSTILE_KEYS), withForeignEntry(valid, foreign))).map((wire) => ({ action, parameter, wire })),
      );
    };
    const all = actions.flatMap((action) => action.params.map((_param, index) => valuesOf(action, index)));
    const cases = fc
      .sample(fc.oneof(...all), { numRuns: RUNS * all.length, ...SEED })
      .filter((entry) => !containsSkip(entry.wire) && !hasReservedKey(entry.wire));
    const printed = cases.map((entry) => printValue((entry.action.params[entry.parameter] as Action['params'][number]).type, entry.wire, schemas, fits));
    const verdicts = compiles(model, family, cases, printed);
    const disagreements = cases.flatMap((entry, index) => {
      const type = (entry.action.params[entry.parameter] as Action['params'][number]).type;
      const server = fits(type, entry.wire);
      return server === verdicts[index] ? [] : [{ action: entry.action.exportName, parameter: entry.parameter, value: printed[index], server: server ? 'accepts' : 'refuses', client: verdicts[index] ? 'compiles' : 'does not compile' }];
    });
    expect(disagreements).toEqual([]);
    // both verdicts occur: the family is probed with values on each side of the line
    expect(cases.length).toBeGreaterThan(RUNS / 2);
    expect(new Set(verdicts).size).toBe(2);
  });
});
