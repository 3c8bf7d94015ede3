import { DecoderEmitter } from '../../codegen/decoder.js';
import { EncoderEmitter } from '../../codegen/encoder.js';
import type { Action, Model, TypeNode } from '../../model/model.js';
import { RevivalPlanner } from '../../model/revival.js';
import { compileRouteFunctions, type Decoder, type Encoder } from '../../runtime/server/index.js';

export type { Issue } from '../../runtime/server/index.js';

/** Emits the decoder and encoder of one action and compiles them as `routes.ts` does, with the real runtime helpers. */
export function generatedFunctions(model: Model, action: Action): { decode: Decoder; encode: Encoder | undefined; source: string } {
  const planner = new RevivalPlanner(model.schemas);
  const decoders = new DecoderEmitter(model.schemas, planner);
  const encoders = new EncoderEmitter(model.schemas);
  const decoder = decoders.actionDecoder(action, 'decodeAction');
  const encoder = action.returns ? encoders.actionEncoder(action.returns, 'encodeAction') : '';
  const source = [...decoders.hoisted(), ...encoders.hoisted(), decoder, encoder, `return [[decodeAction, ${action.returns ? 'encodeAction' : 'undefined'}]];`].join('\n\n');
  const functions = compileRouteFunctions('/test', source);
  return { decode: functions.decoder(0), encode: action.returns ? functions.encoder(0) : undefined, source };
}

/** An action taking one parameter `value` of `type` and returning `type`. */
export function identityAction(type: TypeNode, optional = false): Action {
  return { moduleId: 'm', exportName: 'f', route: 'm/f', params: [{ name: 'value', type, optional }], returns: type, source: { file: 'm.ts', line: 1, column: 1 } };
}

export function modelWith(actions: Action[], schemas: Model['schemas'] = []): Model {
  return { version: 1, basePath: '/actions', title: 't', importExtension: '', modules: [{ moduleId: 'm', importPath: './m' }], actions, schemas };
}
