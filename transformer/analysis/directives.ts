import type ts from 'typescript';
import { editDistance } from './edit-distance.js';
import { issueAt, type AnalysisIssue } from './issues.js';

export const DIRECTIVE = 'use server';

export interface DirectiveScan {
  /** the file's directive prologue holds 'use server' */
  fileLevel: boolean;
  /** functions whose body's prologue holds 'use server' */
  inline: ts.FunctionLikeDeclaration[];
  issues: AnalysisIssue[];
}

function stringStatement(tsApi: typeof ts, statement: ts.Statement): ts.StringLiteral | undefined {
  if (!tsApi.isExpressionStatement(statement)) return undefined;
  const expression = statement.expression;
  return tsApi.isStringLiteral(expression) || tsApi.isNoSubstitutionTemplateLiteral(expression) ? (expression as ts.StringLiteral) : undefined;
}

function isMisspelling(text: string): boolean {
  const normalized = text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  return text !== DIRECTIVE && (normalized === DIRECTIVE || editDistance(normalized, DIRECTIVE) <= 2);
}

/**
 * Reads the directives of one file the way JavaScript does: a directive is a string statement in the
 * prologue (the leading string statements) of the file or of a function body. 'use server' elsewhere,
 * and near misses such as 'use sever', are warned about.
 */
export function scanDirectives(tsApi: typeof ts, sourceFile: ts.SourceFile): DirectiveScan {
  const scan: DirectiveScan = { fileLevel: false, inline: [], issues: [] };

  type Place = { kind: 'file' } | { kind: 'function'; owner: ts.FunctionLikeDeclaration } | { kind: 'block' };

  const visitStatements = (statements: readonly ts.Statement[], place: Place): void => {
    let inPrologue = place.kind !== 'block';
    for (const statement of statements) {
      const literal = stringStatement(tsApi, statement);
      if (!literal) {
        inPrologue = false;
        continue;
      }
      const text = literal.text;
      if (text === DIRECTIVE && inPrologue && tsApi.isStringLiteral(literal)) {
        if (place.kind === 'function') scan.inline.push(place.owner);
        else scan.fileLevel = true;
      } else if (text === DIRECTIVE && inPrologue) {
        scan.issues.push(
          issueAt(statement, 'actionwire/misplaced-directive', `A template literal is not a directive (JavaScript reads only quoted strings as directives): write 'use server' with quotes`, 'warning'),
        );
      } else if (text === DIRECTIVE) {
        scan.issues.push(
          issueAt(
            statement,
            'actionwire/misplaced-directive',
            `'use server' is not a directive here: it must be the first statement of the file or of a function body (only comments and other directives may come before it)`,
            'warning',
          ),
        );
      } else if (isMisspelling(text)) {
        scan.issues.push(issueAt(statement, 'actionwire/misspelled-directive', `Unknown directive '${text}'. Did you mean 'use server'?`, 'warning'));
      }
      // a template literal statement ends the prologue, as any non-string statement does
      if (!tsApi.isStringLiteral(literal)) inPrologue = false;
    }
  };

  const visit = (node: ts.Node): void => {
    // nothing in a type, an interface or an import holds a statement
    if (tsApi.isTypeNode(node) || tsApi.isInterfaceDeclaration(node) || tsApi.isTypeAliasDeclaration(node) || tsApi.isImportDeclaration(node)) return;
    if (tsApi.isFunctionLike(node) && 'body' in node && node.body && tsApi.isBlock(node.body)) {
      visitStatements(node.body.statements, { kind: 'function', owner: node as ts.FunctionLikeDeclaration });
      node.body.statements.forEach(visit);
      node.forEachChild((child) => {
        if (child !== node.body) visit(child);
      });
      return;
    }
    if (tsApi.isBlock(node) || tsApi.isModuleBlock(node) || tsApi.isCaseClause(node) || tsApi.isDefaultClause(node)) {
      visitStatements(node.statements, { kind: 'block' });
    }
    tsApi.forEachChild(node, visit);
  };

  visitStatements(sourceFile.statements, { kind: 'file' });
  tsApi.forEachChild(sourceFile, visit);
  return scan;
}
