import type ts from 'typescript';
import { hoistInlineActions } from './hoist-inline.js';
import type { InlineHoist } from './inline-actions.js';

/**
 * A program transformer cannot add source transformers, so the program's `emit` adds the hoisting of inline
 * actions in front of whatever `before` transformers its caller passes (tspc, watch builders, other plugins).
 */
export function withInlineHoisting(tsApi: typeof ts, program: ts.Program, hoists: ReadonlyMap<string, readonly InlineHoist[]>): ts.Program {
  if (hoists.size === 0) return program;
  const emit = program.emit.bind(program);
  const hoisting = hoistInlineActions(tsApi, hoists);
  program.emit = (targetSourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers) =>
    emit(targetSourceFile, writeFile, cancellationToken, emitOnlyDts, { ...customTransformers, before: [hoisting, ...(customTransformers?.before ?? [])] });
  return program;
}
