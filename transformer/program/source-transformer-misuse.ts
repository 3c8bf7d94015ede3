import type ts from 'typescript';
import { configDiagnostic } from '../analysis/issues.js';

/** What ts-patch hands a source transformer (a plugin entry without `"transformProgram": true`). */
export interface SourceTransformerExtras {
  ts: typeof ts;
  addDiagnostic: (diagnostic: ts.Diagnostic) => number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** ts-patch calls source transformers as (program, config, extras), program transformers as (program, host, config, extras). */
export function isSourceTransformerCall(second: unknown, third: unknown, fourth: unknown): third is SourceTransformerExtras {
  return fourth === undefined && isRecord(second) && isRecord(third) && typeof third.addDiagnostic === 'function';
}

/** Loaded as a source transformer, actionwire can do nothing useful: it fails the build with the fix and changes nothing. */
export function asSourceTransformer(extras: SourceTransformerExtras): ts.TransformerFactory<ts.SourceFile> {
  extras.addDiagnostic(
    configDiagnostic(
      extras.ts,
      'add "transformProgram": true to the actionwire/transformer entry of compilerOptions.plugins: actionwire is a program transformer (it adds the generated files to the program)',
    ),
  );
  return () => (sourceFile) => sourceFile;
}
