import { assertNever, parametersObject, type Parameter, type TypeNode } from '../../../model/model.js';
import type { NameTable } from './name-table.js';
import { ownPropertyRead } from './source-text.js';

type ObjectType = Extract<TypeNode, { kind: 'object' }>;

/**
 * Emits JavaScript that writes a return value as JSON text, keeping only what the declared type
 * declares (pruning) and throwing an OutputMismatchError where the value breaks its own type.
 * `where` strings name the place for that error (`User.email`, `return value[]`).
 */
export class SerializerEmitter {
  private readonly hoisted: string[] = [];

  constructor(
    private readonly names: NameTable,
    private readonly schemas: ReadonlyMap<string, TypeNode>,
  ) {}

  functions(): string[] {
    return this.hoisted;
  }

  /** `function name(x)` → the JSON text of one return value. */
  actionEncoder(type: TypeNode, name: string): string {
    return `function ${name}(x) {\n  return ${this.expression(type, 'x', 'return value')};\n}`;
  }

  /** `function name(x)` → the JSON text of an inline action's bound values (one object, its keys the captured variables' names). */
  boundEncoder(bound: readonly Parameter[], name: string): string {
    return `function ${name}(x) {\n  return ${this.expression(parametersObject(bound), 'x', 'bound values')};\n}`;
  }

  private expression(type: TypeNode, value: string, where: string): string {
    const at = JSON.stringify(where);
    switch (type.kind) {
      case 'string':
        return `str(${value}, ${at})`;
      case 'number':
        return type.integer ? `int(${value}, ${at})` : `num(${value}, ${at})`;
      case 'boolean':
        return `bool(${value}, ${at})`;
      case 'null':
        return `nul(${value}, ${at})`;
      case 'literal':
        return `lit(${value}, ${JSON.stringify(type.value)}, ${at})`;
      case 'date':
        return `date(${value}, ${at})`;
      case 'unknown':
        return `json(${value}, ${at})`;
      case 'bigint':
        return `big(${value}, ${at})`;
      case 'bytes':
        return `bytes(${value}, ${at})`;
      case 'tuple':
        return `${this.tupleFunction(type, where)}(${value})`;
      case 'map':
        return `${this.mapFunction(type.key, type.value, where)}(${value})`;
      case 'set':
        return `${this.setFunction(type.items, where)}(${value})`;
      case 'array':
        return `${this.arrayFunction(type.items, where)}(${value})`;
      case 'object':
        return `${this.objectFunction(type, where)}(${value})`;
      case 'union':
        return this.unionExpression(type.members, value, where);
      case 'ref':
        return `${this.namedFunction(type.name)}(${value})`;
      case 'action':
        return `reference(${value}, ${at})`;
      default:
        return assertNever(type);
    }
  }

  private arrayFunction(items: TypeNode, where: string): string {
    const name = this.names.fresh('a');
    this.hoisted.push(
      [
        `function ${name}(x) {`,
        `  if (!Array.isArray(x)) return mismatch(${JSON.stringify(where)}, "an array", x);`,
        `  let s = "[";`,
        `  for (let i = 0; i < x.length; i++) {`,
        `    if (i > 0) s += ",";`,
        `    s += ${this.expression(items, 'x[i]', where + '[]')};`,
        `  }`,
        `  return s + "]";`,
        `}`,
      ].join('\n'),
    );
    return name;
  }

  private tupleFunction(type: Extract<TypeNode, { kind: 'tuple' }>, where: string): string {
    const name = this.names.fresh('t');
    const most = type.rest ? undefined : type.items.length;
    const bounds = most === undefined ? `x.length < ${type.minItems}` : `x.length < ${type.minItems} || x.length > ${most}`;
    const expected = most === undefined ? `an array of at least ${type.minItems} items` : `an array of ${type.minItems === most ? most : `${type.minItems} to ${most}`} items`;
    const lines = [`function ${name}(x) {`, `  if (!Array.isArray(x) || ${bounds}) return mismatch(${JSON.stringify(where)}, ${JSON.stringify(expected)}, x);`, `  let s = "[";`];
    type.items.forEach((item, index) => {
      const write = `s += ${index > 0 ? '"," + ' : ''}${this.expression(item, `x[${index}]`, `${where}[${index}]`)};`;
      lines.push(index >= type.minItems ? `  if (x.length > ${index}) ${write}` : `  ${write}`);
    });
    if (type.rest) {
      lines.push(`  for (let i = ${type.items.length}; i < x.length; i++) s += (i > 0 ? "," : "") + ${this.expression(type.rest, 'x[i]', `${where}[]`)};`);
    }
    lines.push(`  return s + "]";`, `}`);
    this.hoisted.push(lines.join('\n'));
    return name;
  }

  private mapFunction(key: TypeNode, value: TypeNode, where: string): string {
    const entry = `"[" + ${this.expression(key, 'v[0]', `${where} key`)} + "," + ${this.expression(value, 'v[1]', `${where} value`)} + "]"`;
    return this.iterableFunction(`!(x instanceof Map)`, 'a Map', entry, where);
  }

  private setFunction(items: TypeNode, where: string): string {
    return this.iterableFunction(`!(x instanceof Set) && !Array.isArray(x)`, 'a Set', this.expression(items, 'v', `${where} item`), where);
  }

  /** A function writing a Map's entries or a Set's items as a JSON array, `item` being the JSON of one `v`. */
  private iterableFunction(refuse: string, expected: string, item: string, where: string): string {
    const name = this.names.fresh('m');
    this.hoisted.push(
      [
        `function ${name}(x) {`,
        `  if (${refuse}) return mismatch(${JSON.stringify(where)}, "${expected}", x);`,
        `  let s = "[";`,
        `  for (const v of x) {`,
        `    if (s.length > 1) s += ",";`,
        `    s += ${item};`,
        `  }`,
        `  return s + "]";`,
        `}`,
      ].join('\n'),
    );
    return name;
  }

  private objectFunction(type: ObjectType, where: string): string {
    const name = this.names.fresh('o');
    const lines = [`function ${name}(x) {`, `  if (typeof x !== "object" || x === null || Array.isArray(x)) return mismatch(${JSON.stringify(where)}, "an object", x);`, `  const o = x;`];
    // The comma before a property: none before the first, always after a required one,
    // and the run-time `c` after optional ones (which may or may not have been written).
    let separator: 'none' | 'always' | 'maybe' = 'none';
    const optionalSeen = type.properties.some((property) => property.optional) || Boolean(type.additional);
    lines.push(`  let s = "{";`);
    if (optionalSeen) lines.push(`  let c = "";`);
    for (const property of type.properties) {
      const key = JSON.stringify(JSON.stringify(property.name) + ':');
      const read = ownPropertyRead('o', property.name);
      const place = `${where}.${property.name}`;
      const comma = separator === 'none' ? '' : separator === 'always' ? '","' : 'c';
      if (property.optional) {
        const local = this.names.fresh('v');
        lines.push(`  const ${local} = ${read};`);
        lines.push(`  if (${local} !== undefined) { s += ${comma ? comma + ' + ' : ''}${key} + ${this.expression(property.type, local, place)}; c = ","; }`);
        if (separator === 'none') separator = 'maybe';
      } else {
        lines.push(`  s += ${comma ? comma + ' + ' : ''}${key} + ${this.expression(property.type, read, place)};`);
        if (optionalSeen) lines.push(`  c = ",";`);
        separator = 'always';
      }
    }
    if (type.additional) {
      const known = this.names.fresh('K');
      this.hoisted.push(`const ${known} = ${JSON.stringify(type.properties.map((property) => property.name))};`);
      const skip = type.numericKeys ? ` || !isNumberKey(k)` : ` || isReservedKey(k)`;
      lines.push(`  for (const k of Object.keys(o)) {`);
      lines.push(`    const v = o[k];`);
      lines.push(`    if (${known}.includes(k) || v === undefined${skip}) continue;`);
      lines.push(`    s += c + JSON.stringify(k) + ":" + ${this.expression(type.additional, 'v', `${where}[key]`)};`);
      lines.push(`    c = ",";`);
      lines.push(`  }`);
    }
    lines.push(`  return s + "}";`, `}`);
    const readsComma = lines.some((line) => /[=+] c \+/.test(line));
    const body = readsComma ? lines : lines.filter((line) => !/^\s*(let )?c = /.test(line)).map((line) => line.replace(/ c = ",";/, ''));
    this.hoisted.push(body.join('\n'));
    return name;
  }

  /**
   * A union: the member whose cheap guard alone admits the value is written directly. Where several
   * admit it (two array types, two records, objects with optional properties), each is written and the
   * one that keeps the most of the value — the longest JSON — wins, so pruning never silently picks a
   * member that drops data another member declares. A member's writer fails without side effects.
   */
  private unionExpression(members: TypeNode[], value: string, where: string): string {
    const literals = members.filter((member): member is Extract<TypeNode, { kind: 'literal' }> => member.kind === 'literal');
    if (literals.length === members.length) {
      return `oneOf(${value}, ${JSON.stringify(literals.map((literal) => literal.value))}, ${JSON.stringify(where)})`;
    }
    const name = this.names.fresh('u');
    const writers = members.map((member) => {
      const writer = this.names.fresh('w');
      this.hoisted.push(`function ${writer}(x) {\n  return ${this.expression(member, 'x', where)};\n}`);
      return writer;
    });
    const guards = members.map((member) => this.guard(member, 'x', 2));
    const refused = `mismatch(${JSON.stringify(where)}, "one of the union's types", x)`;
    const lines = [`function ${name}(x) {`, `  let only = -1, count = 0;`];
    guards.forEach((guard, index) => lines.push(`  if (${guard}) { only = ${index}; count++; }`));
    lines.push(`  if (count === 0) return ${refused};`);
    lines.push(`  if (count === 1) return ${writers.map((writer, index) => `only === ${index} ? ${writer}(x) : `).join('')}${refused};`);
    lines.push(`  let best, failure;`);
    guards.forEach((guard, index) => {
      lines.push(
        `  if (${guard}) try { const s = ${writers[index]}(x); if (best === undefined || s.length > best.length) best = s; } catch (error) { if (!(error instanceof OutputMismatchError)) throw error; failure ??= error; }`,
      );
    });
    lines.push(`  if (best === undefined) throw failure;`, `  return best;`, `}`);
    this.hoisted.push(lines.join('\n'));
    return `${name}(${value})`;
  }

  /** A cheap test telling whether a value may be meant as this member. */
  private guard(type: TypeNode, value: string, depth: number): string {
    switch (type.kind) {
      case 'string':
      case 'boolean':
        return `typeof ${value} === "${type.kind}"`;
      case 'number':
        return `typeof ${value} === "number"`;
      case 'null':
        return `${value} === null`;
      case 'literal':
        return `${value} === ${JSON.stringify(type.value)}`;
      case 'date':
        return `(${value} instanceof Date || typeof ${value} === "string")`;
      case 'unknown':
        return 'true';
      case 'bigint':
        return `typeof ${value} === "bigint"`;
      case 'bytes':
        return `${value} instanceof Uint8Array`;
      case 'map':
        return `${value} instanceof Map`;
      case 'set':
        // strict here, though a lone Set-typed value may be an array: an array member of the same union must get arrays
        return `${value} instanceof Set`;
      case 'tuple':
      case 'array':
        return `Array.isArray(${value})`;
      case 'action':
        return `typeof ${value} === "function"`;
      case 'union':
        return `(${type.members.map((member) => this.guard(member, value, depth)).join(' || ')})`;
      case 'ref': {
        const target = this.schemas.get(type.name);
        return target && depth > 0 ? this.guard(target, value, depth - 1) : `(typeof ${value} === "object" && ${value} !== null)`;
      }
      case 'object': {
        const tests = [`isRecord(${value})`];
        // a number-keyed record would silently leave out every other key
        if (type.numericKeys) tests.push(`numericKeysOnly(${value}, ${JSON.stringify(type.properties.map((property) => property.name))})`);
        for (const property of type.properties) {
          const read = ownPropertyRead(value, property.name);
          const literal = property.type.kind === 'literal' ? `${read} === ${JSON.stringify(property.type.value)}` : undefined;
          if (literal && property.optional) tests.push(`(${read} === undefined || ${literal})`);
          else if (literal) tests.push(literal);
          else if (!property.optional) tests.push(`${read} !== undefined`);
        }
        return `(${tests.join(' && ')})`;
      }
      default:
        return assertNever(type);
    }
  }

  private namedFunction(schema: string): string {
    const { name, created } = this.names.once(`serialize:${schema}`, 'S');
    if (created) {
      const type = this.schemas.get(schema) ?? { kind: 'unknown' };
      this.hoisted.push(`function ${name}(x) {\n  return ${this.expression(type, 'x', schema)};\n}`);
    }
    return name;
  }
}
