import { GENERATED_HEADER, joinedLines, moduleExportName, propertyAccess, singleQuoted } from './naming.js';

/** The module format a generated script is written in: what the build emits where it lands. */
export type ScriptFormat = 'esm' | 'cjs';

type Statement = (format: ScriptFormat) => string;

/**
 * A generated JavaScript module, written as an ES module or as CommonJS from the same statements: the
 * generated client's scripts are not compiled, so they are written in the format of the build they land in.
 * Only the forms the emitters need; code passed as text must read the same in both formats.
 */
export class ModuleScript {
  private readonly statements: Statement[] = [];
  private requires = 0;

  /** `import { a, b } from 'x'` */
  importNamed(names: readonly string[], from: string): this {
    return this.add((format) => (format === 'esm' ? `import { ${names.join(', ')} } from ${singleQuoted(from)};` : `const { ${names.join(', ')} } = require(${singleQuoted(from)});`));
  }

  /** `import * as local from 'x'` */
  importNamespace(local: string, from: string): this {
    return this.add((format) => (format === 'esm' ? `import * as ${local} from ${singleQuoted(from)};` : `const ${local} = require(${singleQuoted(from)});`));
  }

  /** `import 'x'` */
  importForEffect(from: string): this {
    return this.add((format) => (format === 'esm' ? `import ${singleQuoted(from)};` : `require(${singleQuoted(from)});`));
  }

  /** `export { a, b } from 'x'` */
  reexport(names: readonly string[], from: string): this {
    const module = `__actionwire_reexport${this.requires++}`;
    return this.add((format) =>
      format === 'esm'
        ? `export { ${names.join(', ')} } from ${singleQuoted(from)};`
        : [`const ${module} = require(${singleQuoted(from)});`, ...names.map((name) => `exports.${name} = ${module}.${name};`)].join('\n'),
    );
  }

  /** Statements that read the same in both formats. */
  code(...lines: string[]): this {
    return this.add(() => lines.join('\n'));
  }

  /** `export function name…`: `declaration` is the function declaration's text. */
  exportFunction(name: string, declaration: string): this {
    return this.add((format) => (format === 'esm' ? `export ${declaration}` : `${declaration}\nexports.${name} = ${name};`));
  }

  /** `export const name = expression` (`name` an identifier) */
  exportConst(name: string, expression: string): this {
    return this.add((format) => (format === 'esm' ? `export const ${name} = ${expression};` : `exports.${name} = ${expression};`));
  }

  /** `export default expression` */
  exportDefault(expression: string): this {
    return this.add((format) => (format === 'esm' ? `export default ${expression};` : `exports.default = ${expression};`));
  }

  /** `export { local as exported, … }`, for any export name (also one that is not an identifier) */
  exportLocals(locals: ReadonlyArray<readonly [local: string, exported: string]>): this {
    if (locals.length === 0) return this;
    return this.add((format) =>
      format === 'esm'
        ? `export { ${locals.map(([local, exported]) => (local === exported ? local : `${local} as ${moduleExportName(exported)}`)).join(', ')} };`
        : locals.map(([local, exported]) => `${propertyAccess('exports', exported)} = ${local};`).join('\n'),
    );
  }

  /** A blank line in the output. */
  blank(): this {
    return this.add(() => '');
  }

  render(format: ScriptFormat): string {
    const body = this.statements.map((statement) => statement(format));
    const prologue = format === 'cjs' ? ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'] : [];
    const lines = [...prologue, ...body];
    return `${GENERATED_HEADER}\n${joinedLines(lines)}`;
  }

  private add(statement: Statement): this {
    this.statements.push(statement);
    return this;
  }
}
