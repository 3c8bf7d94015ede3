import type { DeclaredError } from '../model/model.js';

function printCode(error: DeclaredError): string {
  if (error.anyCode) return 'string | undefined';
  const codes = error.codes.map((code) => JSON.stringify(code));
  if (error.mayOmitCode || codes.length === 0) codes.push('undefined');
  return codes.join(' | ');
}

/**
 * An action's declared errors as the client function's error type argument (`ErrorAnswer`s):
 * `{ status: 409; code: "email-taken" } | { status: 429; code: undefined }`; `never` when it declares none.
 */
export function printErrorAnswers(errors: readonly DeclaredError[] | undefined): string {
  if (errors === undefined || errors.length === 0) return 'never';
  return errors.map((error) => `{ status: ${error.status}; code: ${printCode(error)} }`).join(' | ');
}
