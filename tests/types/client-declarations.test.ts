import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../helpers/paths.js';

/** The strictest settings a project may build with; `skipLibCheck` off, as a project without it checks every .d.ts. */
const strictest: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
};

function declarationsUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return declarationsUnder(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The generated client's declarations are what a project's compiler reads of the client; with `skipLibCheck`
 * it does not check them, without it it does. The generated clients of the type-family fixture (every kind of
 * type the wire carries) and of the sample are compiled by tests/setup/shared-builds.js before the tests run.
 */
describe.each([
  ['the type families', join(repoRoot, 'tests', 'fixtures', 'types', 'src', 'generated', 'client')],
  ['the sample', join(repoRoot, 'sample', 'generated', 'client')],
])('the generated client declarations of %s', (_name, directory) => {
  it('have no error under the strictest settings, skipLibCheck off', () => {
    const files = declarationsUnder(directory);
    expect(files.length).toBeGreaterThan(2);
    const program = ts.createProgram(files, strictest);
    const problems = files.flatMap((file) => {
      const source = program.getSourceFile(file);
      return source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    });
    expect(ts.formatDiagnostics(problems, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => repoRoot, getNewLine: () => '\n' })).toBe('');
  });
});
