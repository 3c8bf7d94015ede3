import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Ast from 'typescript-7/unstable/ast';
import type * as Sync from 'typescript-7/unstable/sync';

/** The TypeScript 7 release the analysis on TypeScript 7 was written and tested against (its API is unstable). */
export const TESTED_TYPESCRIPT_7 = '7.0.2';

/** The project's own TypeScript 7: its synchronous checker API and its syntax tree module. */
export interface TypeScript7 {
  version: string;
  sync: typeof Sync;
  ast: typeof Ast;
}

/** What the analysis calls, checked once at start-up so that a changed API fails with a clear message, not deep inside a walk. */
const SYNC_MEMBERS = ['API', 'SignatureKind', 'TypeFlags', 'SymbolFlags', 'ObjectFlags', 'ElementFlags', 'ModifierFlags', 'DiagnosticCategory'] as const;
const API_METHODS = ['updateSnapshot', 'close'] as const;
const AST_MEMBERS = ['SyntaxKind', 'getLeadingCommentRanges', 'isIdentifier', 'isFunctionDeclaration', 'isArrowFunction', 'isFunctionExpression', 'isVariableDeclaration', 'isBlock', 'isTypeAliasDeclaration', 'isUnionTypeNode', 'isExpressionStatement', 'isStringLiteral'] as const;

export class TypeScript7ApiError extends Error {}

function missing(module: Record<string, unknown>, names: readonly string[]): string[] {
  return names.filter((name) => module[name] === undefined);
}

/** Checks that the modules have the members the analysis uses; throws a TypeScript7ApiError naming the version otherwise. */
export function checkShape(version: string, sync: Record<string, unknown>, ast: Record<string, unknown>): void {
  const api = sync.API as { prototype?: Record<string, unknown> } | undefined;
  const absent = [
    ...missing(sync, SYNC_MEMBERS).map((name) => `typescript/unstable/sync: ${name}`),
    ...(api?.prototype ? missing(api.prototype, API_METHODS).map((name) => `typescript/unstable/sync: API.${name}`) : []),
    ...missing(ast, AST_MEMBERS).map((name) => `typescript/unstable/ast: ${name}`),
  ];
  if (absent.length === 0) return;
  throw new TypeScript7ApiError(
    `actionwire cannot run its analysis on TypeScript ${version}: its unstable API has changed (missing ${absent.join(', ')}). ` +
      `actionwire was tested with TypeScript ${TESTED_TYPESCRIPT_7}: install typescript@${TESTED_TYPESCRIPT_7}, or an actionwire release that supports ${version}`,
  );
}

/**
 * Loads the TypeScript that `projectDir` resolves (the project's own `tsc`), which must be 7 or later.
 * `specifier`: the package name to resolve, `typescript` unless a test installs TypeScript 7 under an alias.
 */
export async function loadTypeScript7(projectDir: string, specifier = 'typescript'): Promise<TypeScript7> {
  const require = createRequire(join(projectDir, 'package.json'));
  const manifestPath = require.resolve(`${specifier}/package.json`);
  const version = String((JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: unknown }).version);
  const load = async (subpath: string): Promise<Record<string, unknown>> => {
    try {
      return (await import(pathToFileURL(require.resolve(`${specifier}/${subpath}`)).href)) as Record<string, unknown>;
    } catch (error) {
      throw new TypeScript7ApiError(`actionwire cannot load ${specifier}/${subpath} of TypeScript ${version} (tested with ${TESTED_TYPESCRIPT_7}): ${(error as Error).message}`);
    }
  };
  const sync = await load('unstable/sync');
  const ast = await load('unstable/ast');
  checkShape(version, sync, ast);
  return { version, sync: sync as unknown as typeof Sync, ast: ast as unknown as typeof Ast };
}
