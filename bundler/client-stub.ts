import { isIdentifierName } from '../codegen/naming.js';

/**
 * What a 'use server' module is in a client bundle: `export { createUser, default } from './generated/client/app/users.js'`,
 * nothing of its body nor of its imports. `specifier` is the generated client module, relative to the server module.
 */
export function clientStubText(specifier: string, exportNames: readonly string[], exportsStar: boolean): string {
  const names = exportNames.map((name) => (isIdentifierName(name) ? name : JSON.stringify(name)));
  const lines = ['// actionwire: this \'use server\' module runs on the server; the client calls its actions over HTTP'];
  if (names.length > 0) lines.push(`export { ${names.join(', ')} } from ${JSON.stringify(specifier)};`);
  if (exportsStar) lines.push(`export * from ${JSON.stringify(specifier)};`);
  if (names.length === 0 && !exportsStar) lines.push('export {};');
  return `${lines.join('\n')}\n`;
}
