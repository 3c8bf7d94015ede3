import { assertNever, type NamedSchema, type TypeNode } from '../model/model.js';
import { ownPropertyRead } from './naming.js';

type ObjectType = Extract<TypeNode, { kind: 'object' }>;

/**
 * Emits JavaScript that writes a return value as JSON text, keeping only what the declared
 * type declares (pruning) and failing loudly where the value does not fit the type.
 * `where` strings name the place for the error message (`User.email`, `return value[]`).
 */
export class EncoderEmitter {
  private readonly functions: string[] = [];
  private readonly emittedSchemas = new Set<string>();
  private readonly schemas: Map<string, TypeNode>;
  private counter = 0;

  constructor(schemas: NamedSchema[]) {
    this.schemas = new Map(schemas.map((schema) => [schema.name, schema.type]));
  }

  hoisted(): string[] {
    return this.functions;
  }

  /** A function `(value) => JSON text` for one return type. */
  actionEncoder(type: TypeNode, functionName: string): string {
    return `function ${functionName}(x) {\n  return ${this.expression(type, 'x', 'return value')};\n}`;
  }

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
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
        return `json(${value})`;
      case 'formData':
        return `mismatch(${at}, "JSON", ${value})`;
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
        return `${this.refFunction(type.name)}(${value})`;
      default:
        return assertNever(type);
    }
  }

  private arrayFunction(items: TypeNode, where: string): string {
    const name = this.fresh('a');
    this.functions.push(
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
    const name = this.fresh('t');
    const lines = [
      `function ${name}(x) {`,
      `  if (!Array.isArray(x) || x.length < ${type.minItems}) return mismatch(${JSON.stringify(where)}, "an array of at least ${type.minItems} items", x);`,
      `  let s = "[";`,
    ];
    type.items.forEach((item, index) => {
      const write = `s += ${index > 0 ? '"," + ' : ''}${this.expression(item, `x[${index}]`, `${where}[${index}]`)};`;
      lines.push(index >= type.minItems ? `  if (x.length > ${index}) ${write}` : `  ${write}`);
    });
    if (type.rest) {
      lines.push(`  for (let i = ${type.items.length}; i < x.length; i++) s += (i > 0 ? "," : "") + ${this.expression(type.rest, 'x[i]', `${where}[]`)};`);
    }
    lines.push(`  return s + "]";`, `}`);
    this.functions.push(lines.join('\n'));
    return name;
  }

  private mapFunction(key: TypeNode, value: TypeNode, where: string): string {
    const entry = `"[" + ${this.expression(key, 'v[0]', `${where} key`)} + "," + ${this.expression(value, 'v[1]', `${where} value`)} + "]"`;
    return this.iterableFunction('m', `!(x instanceof Map)`, 'a Map', entry, where);
  }

  private setFunction(items: TypeNode, where: string): string {
    return this.iterableFunction('s', `!(x instanceof Set) && !Array.isArray(x)`, 'a Set', this.expression(items, 'v', `${where} item`), where);
  }

  /** A function writing a Map's entries or a Set's items as a JSON array, `item` being the JSON of one `v`. */
  private iterableFunction(prefix: string, refuse: string, expected: string, item: string, where: string): string {
    const name = this.fresh(prefix);
    this.functions.push(
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
    const name = this.fresh('o');
    const lines = [
      `function ${name}(x) {`,
      `  if (typeof x !== "object" || x === null || Array.isArray(x)) return mismatch(${JSON.stringify(where)}, "an object", x);`,
      `  const o = x;`,
    ];
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
        const local = this.fresh('v');
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
      const known = `[${type.properties.map((property) => JSON.stringify(property.name)).join(', ')}]`;
      lines.push(`  const known = new Set(${known});`);
      lines.push(`  for (const k of Object.keys(o)) {`);
      lines.push(`    const v = o[k];`);
      lines.push(`    if (known.has(k) || v === undefined) continue;`);
      lines.push(`    s += c + JSON.stringify(k) + ":" + ${this.expression(type.additional, 'v', `${where}[key]`)};`);
      lines.push(`    c = ",";`);
      lines.push(`  }`);
    }
    lines.push(`  return s + "}";`, `}`);
    const readsComma = lines.some((line) => /[=+] c \+/.test(line));
    const body = readsComma
      ? lines
      : lines.filter((line) => !/^\s*(let )?c = /.test(line)).map((line) => line.replace(/ c = ",";/, ''));
    this.functions.push(body.join('\n'));
    return name;
  }

  private unionExpression(members: TypeNode[], value: string, where: string): string {
    const literals = members.filter((member): member is Extract<TypeNode, { kind: 'literal' }> => member.kind === 'literal');
    if (literals.length === members.length) {
      return `oneOf(${value}, ${JSON.stringify(literals.map((literal) => literal.value))}, ${JSON.stringify(where)})`;
    }
    const name = this.fresh('u');
    const lines = [`function ${name}(x) {`];
    for (const member of members) {
      lines.push(`  if (${this.guard(member, 'x', 2)}) return ${this.expression(member, 'x', where)};`);
    }
    lines.push(`  return mismatch(${JSON.stringify(where)}, "one of the union's types", x);`, `}`);
    this.functions.push(lines.join('\n'));
    return `${name}(${value})`;
  }

  /** A cheap test telling which union member a value is meant to be. */
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
      case 'formData':
        return `${value} instanceof FormData`;
      case 'bigint':
        return `typeof ${value} === "bigint"`;
      case 'bytes':
        return `${value} instanceof Uint8Array`;
      case 'map':
        return `${value} instanceof Map`;
      case 'set':
        return `(${value} instanceof Set || Array.isArray(${value}))`;
      case 'tuple':
        return `Array.isArray(${value})`;
      case 'array':
        return `Array.isArray(${value})`;
      case 'union':
        return `(${type.members.map((member) => this.guard(member, value, depth)).join(' || ')})`;
      case 'ref': {
        const target = this.schemas.get(type.name);
        return target && depth > 0 ? this.guard(target, value, depth - 1) : `(typeof ${value} === "object" && ${value} !== null)`;
      }
      case 'object': {
        const tests = [`typeof ${value} === "object"`, `${value} !== null`, `!Array.isArray(${value})`];
        for (const property of type.properties) {
          const read = `${value}[${JSON.stringify(property.name)}]`;
          if (property.type.kind === 'literal') tests.push(`${read} === ${JSON.stringify(property.type.value)}`);
          else if (!property.optional) tests.push(`${read} !== undefined`);
        }
        return `(${tests.join(' && ')})`;
      }
      default:
        return assertNever(type);
    }
  }

  private refFunction(name: string): string {
    const functionName = `s_${name}`;
    if (!this.emittedSchemas.has(name)) {
      this.emittedSchemas.add(name);
      const type = this.schemas.get(name) ?? { kind: 'unknown' };
      this.functions.push(`function ${functionName}(x) {\n  return ${this.expression(type, 'x', name)};\n}`);
    }
    return functionName;
  }
}
