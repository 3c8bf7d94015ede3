import { RevivalPlanner } from '../../../model/revival.js';
import type { RoutesModel } from '../../../model/routes-model.js';
import { BOUND_KEY, type TypeNode } from '../../../model/model.js';
import type { IssueList } from '../problems/issue-list.js';
import type { BoundDecoder, Decoder, Encoder, StreamEncoders } from '../route-definition.js';
import { NameTable } from './name-table.js';
import { SCOPE_HELPERS, ValidationTooComplexError } from './scope-helpers.js';
import { SerializerEmitter } from './serializer.js';
import { ValidatorEmitter } from './validator.js';

/** How an inline action's captured variables are read from a seal's plaintext and written into one. */
interface BoundFunctions {
  decode: BoundDecoder;
  /** the JSON text of the bound values, pruned to their declared types */
  encode: Encoder;
}

export interface CompiledAction {
  decode: Decoder;
  encode: Encoder | undefined;
  /** an inline action that captures variables: how to read and write them */
  bound: BoundFunctions | undefined;
  /** a streaming action: how each item, and the generator's result, are written (the serializer of a return value) */
  stream: StreamEncoders | undefined;
  /** the JavaScript both were compiled from, for tests and for reading */
  source: string;
}

interface SharedModel {
  model: RoutesModel;
  schemas: ReadonlyMap<string, TypeNode>;
  revival: RevivalPlanner;
}

/** The JavaScript of one action's validator and serializer, in one scope with one name table, and whether it tries union members. */
function actionSource(shared: SharedModel, index: number): { source: string; triesUnionMembers: boolean } {
  const action = shared.model.actions[index];
  if (!action) throw new Error(`actionwire: the generated routes have no action #${index}; generate them again`);
  const names = new NameTable();
  const validator = new ValidatorEmitter(names, shared.schemas, shared.revival);
  const serializer = new SerializerEmitter(names, shared.schemas);
  const decode = validator.actionDecoder(action.params, action.form, 'decode');
  const encode = action.returns ? serializer.actionEncoder(action.returns, 'encode') : undefined;
  const stream = action.stream && [serializer.actionEncoder(action.stream.item, 'encodeItem'), ...(action.stream.result ? [serializer.actionEncoder(action.stream.result, 'encodeResult')] : [])];
  const captures = action.bound !== undefined && action.bound.length > 0 ? action.bound : undefined;
  const bound = captures ? [validator.boundDecoder(captures, 'decodeBound', `/${BOUND_KEY}`), serializer.boundEncoder(captures, 'encodeBound')] : [];
  const source = [
    `'use strict';`,
    `let budget = 0;`,
    ...validator.functions(),
    ...serializer.functions(),
    decode,
    ...(encode ? [encode] : []),
    ...bound,
    ...(stream ?? []),
    `return [decode, ${encode ? 'encode' : 'undefined'}, ${captures ? '{ decode: decodeBound, encode: encodeBound }' : 'undefined'}, ${stream ? `{ encodeItem, encodeResult: ${action.stream?.result ? 'encodeResult' : 'undefined'} }` : 'undefined'}];`,
  ].join('\n\n');
  return { source, triesUnionMembers: validator.triesUnionMembers() };
}

function compileAction(shared: SharedModel, index: number): CompiledAction {
  const { source, triesUnionMembers } = actionSource(shared, index);
  const route = shared.model.actions[index]?.route ?? `action-${index}`;
  const names = Object.keys(SCOPE_HELPERS);
  const build = new Function(...names, `${source}\n//# sourceURL=actionwire:${route}.js`) as (...helpers: unknown[]) => [Decoder, Encoder | undefined, BoundFunctions | undefined, StreamEncoders | undefined];
  const [decode, encode, bound, stream] = build(...Object.values(SCOPE_HELPERS));
  if (!triesUnionMembers) return { decode, encode, bound, stream, source };
  const guardedBound = bound && { decode: guardedAgainstComplexity(bound.decode, `/${BOUND_KEY}`, () => ({})), encode: bound.encode };
  return { decode: guardedAgainstComplexity(decode, '', () => []), encode, bound: guardedBound, stream, source };
}

/** A decoder that reports a value too complex to validate (its union trial budget spent) as a problem at `path`. */
function guardedAgainstComplexity<R>(decode: (value: unknown, issues: IssueList) => R, path: string, nothing: () => R): (value: unknown, issues: IssueList) => R {
  return (value, issues) => {
    try {
      return decode(value, issues);
    } catch (error) {
      if (!(error instanceof ValidationTooComplexError)) throw error;
      issues.add(path, 'is too complex to validate (too many union members to try)');
      return nothing();
    }
  };
}

/** Each action's validator and serializer, compiled the first time they are asked for. */
export interface RouteFunctions {
  compiled(index: number): CompiledAction;
}

function sharedModel(model: RoutesModel): SharedModel {
  return { model, schemas: new Map(model.schemas.map((schema) => [schema.name, schema.type])), revival: new RevivalPlanner(model.schemas) };
}

/**
 * Compiles validators and serializers from the types `routes.ts` carries as data, each action on its
 * first call (start-up stays quick with thousands of actions), with `new Function` as ajv compiles its
 * schemas: a process started with `--disallow-code-generation-from-strings` cannot serve the actions.
 */
export function compileRoutes(model: RoutesModel): RouteFunctions {
  // made on the first compile too: the revival planner looks at every schema
  let shared: SharedModel | undefined;
  const compiled: Array<CompiledAction | undefined> = [];
  const get = (index: number): CompiledAction => (compiled[index] ??= compileAction((shared ??= sharedModel(model)), index));
  return { compiled: get };
}
