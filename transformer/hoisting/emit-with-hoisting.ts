import type ts from 'typescript';
import { hoistInlineActions } from './hoist-inline.js';
import type { InlineHoist } from '../analysis/inline/inline-actions.js';

/**
 * A program transformer cannot add source transformers, so the program's `emit` puts `transformer` in front of
 * whatever `before` transformers its caller passes (tspc, watch builders, other plugins).
 */
export function emitWithBefore(program: ts.Program, transformer: ts.TransformerFactory<ts.SourceFile>): ts.Program {
  const emit = program.emit.bind(program);
  program.emit = (targetSourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers) =>
    emit(targetSourceFile, writeFile, cancellationToken, emitOnlyDts, { ...customTransformers, before: [transformer, ...(customTransformers?.before ?? [])] });
  return program;
}

/** The program, emitting its inline actions hoisted (see `hoistInlineActions`). */
export function withInlineHoisting(tsApi: typeof ts, program: ts.Program, hoists: ReadonlyMap<string, readonly InlineHoist[]>): ts.Program {
  return hoists.size === 0 ? program : emitWithBefore(program, hoistInlineActions(tsApi, hoists));
}
