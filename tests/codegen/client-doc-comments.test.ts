import ts from 'typescript';
import { generateFiles } from '../../codegen/generate.js';
import { MODEL_VERSION, type Action, type Model } from '../../model/model.js';

function documented(exportName: string, extra: Partial<Action> = {}): Action {
  return {
    moduleId: 'app/users',
    exportName,
    route: `app/users/${exportName}`,
    params: [{ name: 'name', optional: false, type: { kind: 'string' } }],
    returns: { kind: 'string' },
    description: `Documents ${exportName}.\n\nA second paragraph.`,
    source: { file: 'app/users.ts', line: 1, column: 1 },
    ...extra,
  };
}

/** Every way a client module declares an action: a plain export, a default export, and one under a local name. */
const model: Model = {
  version: MODEL_VERSION,
  basePath: '/actions',
  title: 'docs',
  importExtension: '.js',
  modules: [{ moduleId: 'app/users', importPath: '../app/users.js', namespace: 'appUsers' }],
  actions: [documented('createUser'), documented('default'), documented('not-an-identifier', { clientLocal: 'not_an_identifier' })],
  schemas: [],
};

/** What client code writes: the module's exports imported, the namespace of client/index, and createClient's result. */
const consumer = `
import defaultAction, { createUser, "not-an-identifier" as notAnIdentifier } from './client/app/users.js';
import { appUsers, createClient } from './client/index.js';
const bound = createClient().appUsers;
createUser; defaultAction; notAnIdentifier;
appUsers.createUser; appUsers.default; appUsers["not-an-identifier"];
bound.createUser; bound.default; bound["not-an-identifier"];
`;

function program(): { checker: ts.TypeChecker; file: ts.SourceFile; problems: string[] } {
  const files = new Map<string, string>([['/virtual/consumer.ts', consumer]]);
  for (const [name, text] of generateFiles(model)) if (name.endsWith('.d.ts')) files.set(`/virtual/${name}`, text);
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => files.has(name) || (!name.startsWith('/virtual/') && ts.sys.fileExists(name));
  host.directoryExists = (name) => name.startsWith('/virtual') || ts.sys.directoryExists(name);
  host.readFile = (name) => files.get(name) ?? (name.startsWith('/virtual/') ? undefined : ts.sys.readFile(name));
  host.getSourceFile = (name, version, onError, create) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile(name, version, onError, create) : ts.createSourceFile(name, text, version, true);
  };
  const created = ts.createProgram(['/virtual/consumer.ts'], options, host);
  const problems = ts.getPreEmitDiagnostics(created).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  return { checker: created.getTypeChecker(), file: created.getSourceFile('/virtual/consumer.ts') as ts.SourceFile, problems };
}

/** What an editor shows on hover: the documentation of the symbol an expression names, through imports. */
function hoverText(checker: ts.TypeChecker, node: ts.Node): string {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)) : '<no symbol>';
}

describe("the generated client's declarations carry each action's doc comment (read by TypeScript's getDocumentationComment)", () => {
  const { checker, file, problems } = program();
  function flattenCommas(expression: ts.Expression): ts.Expression[] {
    return ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.CommaToken ? [...flattenCommas(expression.left), ...flattenCommas(expression.right)] : [expression];
  }

  const cases = file.statements
    .filter(ts.isExpressionStatement)
    .flatMap((statement) => flattenCommas(statement.expression))
    .map((expression): [string, ts.Node] => {
      const named = ts.isPropertyAccessExpression(expression) ? expression.name : ts.isElementAccessExpression(expression) ? expression.argumentExpression : expression;
      return [expression.getText(file), named];
    });

  it('has a case for every way of reaching an action, each resolved', () => {
    // actionwire's own entry points (the Caller type) are not in this in-memory project; everything else must resolve
    expect(problems.filter((problem) => !/'actionwire\/(internal\/)?client'/.test(problem))).toEqual([]);
    expect(cases.map(([text]) => text)).toEqual([
      'createUser',
      'defaultAction',
      'notAnIdentifier',
      'appUsers.createUser',
      'appUsers.default',
      'appUsers["not-an-identifier"]',
      'bound.createUser',
      'bound.default',
      'bound["not-an-identifier"]',
    ]);
  });

  it.each(cases)('%s', (text, node) => {
    const action = /default/i.test(text) ? 'default' : /not/i.test(text) ? 'not-an-identifier' : 'createUser';
    expect(hoverText(checker, node)).toBe(`Documents ${action}.\n\nA second paragraph.`);
  });
});
