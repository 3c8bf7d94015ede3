import { renderPath, type PathPart } from './code-path.js';
import { findDiscriminator, type Discriminator } from '../model/discriminator.js';
import { assertNever, isFormAction, type Action, type NamedSchema, type TypeNode } from '../model/model.js';
import { ownPropertyRead, pointerToken } from './naming.js';
import { RevivalPlanner } from '../model/revival.js';

type ObjectType = Extract<TypeNode, { kind: 'object' }>;

/**
 * Emits JavaScript that validates a parsed JSON request body against the parameter types,
 * collects every problem with its JSON Pointer, and revives values in place (Date).
 * The emitted code calls into `actionwire/server` only for rare paths (unknown keys, dates).
 */
export class DecoderEmitter {
  private readonly functions: string[] = [];
  private readonly emittedSchemas = new Set<string>();
  private readonly schemas: Map<string, TypeNode>;
  private counter = 0;

  constructor(
    schemas: NamedSchema[],
    private readonly revival: RevivalPlanner,
  ) {
    this.schemas = new Map(schemas.map((schema) => [schema.name, schema.type]));
  }

  /** The helper functions emitted so far (named schemas, union members). */
  hoisted(): string[] {
    return this.functions;
  }

  /** A function `(body, e) => args` for one action. */
  actionDecoder(action: Action, functionName: string): string {
    if (isFormAction(action)) {
      const lines = this.statements({ kind: 'formData' }, 'v', [], '  ');
      return [`function ${functionName}(v, e) {`, ...lines, `  return [v];`, `}`].join('\n');
    }
    const body: ObjectType = {
      kind: 'object',
      properties: action.params.map((param) => ({ name: param.name, type: param.type, optional: param.optional })),
    };
    const lines = this.statements(body, 'v', [], '  ');
    const args = action.params.map((param) => ownPropertyRead('b', param.name)).join(', ');
    const result = action.params.length === 0 ? [`  return [];`] : [`  const b = v;`, `  return [${args}];`];
    return [`function ${functionName}(v, e) {`, ...lines, ...result, `}`].join('\n');
  }

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  private issue(path: PathPart[], message: string): string {
    return `e.push({ path: ${renderPath(path)}, message: ${JSON.stringify(message)} })`;
  }

  /**
   * Statements that check the local `value` (a `let` or parameter) against `type`.
   * Where the type revives, they assign the revived value back to `value`.
   */
  private statements(type: TypeNode, value: string, path: PathPart[], indent: string): string[] {
    const fail = (message: string): string => this.issue(path, message);
    switch (type.kind) {
      case 'string':
        return [`${indent}if (typeof ${value} !== "string") ${fail('must be a string')};`];
      case 'number':
        return type.integer
          ? [`${indent}if (!Number.isInteger(${value})) ${fail('must be an integer')};`]
          : [`${indent}if (typeof ${value} !== "number") ${fail('must be a number')};`];
      case 'boolean':
        return [`${indent}if (typeof ${value} !== "boolean") ${fail('must be a boolean')};`];
      case 'null':
        return [`${indent}if (${value} !== null) ${fail('must be null')};`];
      case 'literal':
        return [`${indent}if (${value} !== ${JSON.stringify(type.value)}) ${fail(`must be ${JSON.stringify(type.value)}`)};`];
      case 'date':
        return [
          `${indent}if (typeof ${value} !== "string" || !isDateTime(${value})) ${fail('must be an ISO 8601 date-time string')};`,
          `${indent}else ${value} = new Date(${value});`,
        ];
      case 'unknown':
        return [];
      case 'formData':
        return [`${indent}if (!(${value} instanceof FormData)) ${fail('must be form data')};`];
      case 'bigint':
        return [
          `${indent}if (typeof ${value} !== "string" || !isBigIntText(${value})) ${fail('must be an integer written as a decimal string')};`,
          `${indent}else ${value} = BigInt(${value});`,
        ];
      case 'bytes':
        return [`${indent}if (typeof ${value} !== "string" || !isBase64(${value})) ${fail('must be base64')};`, `${indent}else ${value} = fromBase64(${value});`];
      case 'tuple':
        return this.tupleStatements(type, value, path, indent);
      case 'map':
        return this.mapStatements(type.key, type.value, value, path, indent);
      case 'set':
        return this.setStatements(type.items, value, path, indent);

      case 'array':
        return this.arrayStatements(type.items, value, path, indent);
      case 'object':
        return this.objectStatements(type, value, path, indent);
      case 'union':
        return this.unionStatements(type.members, value, path, indent);
      case 'ref':
        return this.refStatements(type.name, value, path, indent);
      default:
        return assertNever(type);
    }
  }

  private arrayStatements(items: TypeNode, value: string, path: PathPart[], indent: string): string[] {
    const index = this.fresh('i');
    const element = this.fresh('v');
    const inner = indent + '    ';
    const writeBack = this.revival.needsRevival(items) ? [`${inner}${value}[${index}] = ${element};`] : [];
    return [
      `${indent}if (!Array.isArray(${value})) ${this.issue(path, 'must be an array')};`,
      `${indent}else {`,
      `${indent}  for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {`,
      `${inner}let ${element} = ${value}[${index}];`,
      ...this.statements(items, element, [...path, { text: '/' }, { expression: index }], inner),
      ...writeBack,
      `${indent}  }`,
      `${indent}}`,
    ];
  }

  private tupleStatements(type: Extract<TypeNode, { kind: 'tuple' }>, value: string, path: PathPart[], indent: string): string[] {
    const count = type.items.length;
    const bounds = type.rest
      ? `${value}.length < ${type.minItems}`
      : type.minItems === count
        ? `${value}.length !== ${count}`
        : `${value}.length < ${type.minItems} || ${value}.length > ${count}`;
    const expected = type.rest ? `at least ${type.minItems} items` : type.minItems === count ? `${count} items` : `${type.minItems} to ${count} items`;
    const lines = [
      `${indent}if (!Array.isArray(${value})) ${this.issue(path, 'must be an array')};`,
      `${indent}else if (${bounds}) ${this.issue(path, `must have ${expected}`)};`,
      `${indent}else {`,
    ];
    const inner = indent + '  ';
    type.items.forEach((item, index) => {
      const element = this.fresh('v');
      const body = [
        `${inner}let ${element} = ${value}[${index}];`,
        ...this.statements(item, element, [...path, { text: `/${index}` }], inner),
        ...(this.revival.needsRevival(item) ? [`${inner}${value}[${index}] = ${element};`] : []),
      ];
      lines.push(...(index >= type.minItems ? [`${indent}  if (${value}.length > ${index}) {`, ...body.map((line) => '  ' + line), `${indent}  }`] : body));
    });
    if (type.rest) lines.push(...this.arrayLoop(type.rest, value, path, inner, count));
    lines.push(`${indent}}`);
    return lines;
  }

  private arrayLoop(items: TypeNode, value: string, path: PathPart[], indent: string, start: number): string[] {
    const index = this.fresh('i');
    const element = this.fresh('v');
    const inner = indent + '  ';
    return [
      `${indent}for (let ${index} = ${start}; ${index} < ${value}.length; ${index}++) {`,
      `${inner}let ${element} = ${value}[${index}];`,
      ...this.statements(items, element, [...path, { text: '/' }, { expression: index }], inner),
      ...(this.revival.needsRevival(items) ? [`${inner}${value}[${index}] = ${element};`] : []),
      `${indent}}`,
    ];
  }

  private mapStatements(keyType: TypeNode, valueType: TypeNode, value: string, path: PathPart[], indent: string): string[] {
    return this.collectionStatements('Map', 'must be an array of [key, value] pairs', value, path, indent, (index, map, inner) => {
      const entry = this.fresh('p');
      const key = this.fresh('k');
      const item = this.fresh('v');
      const entryPath = [...path, { text: '/' }, { expression: index }];
      return [
        `${inner}const ${entry} = ${value}[${index}];`,
        `${inner}if (!Array.isArray(${entry}) || ${entry}.length !== 2) { ${this.issue(entryPath, 'must be a [key, value] pair')}; continue; }`,
        `${inner}let ${key} = ${entry}[0];`,
        `${inner}let ${item} = ${entry}[1];`,
        ...this.statements(keyType, key, [...entryPath, { text: '/0' }], inner),
        ...this.statements(valueType, item, [...entryPath, { text: '/1' }], inner),
        `${inner}if (${map}.has(${key})) ${this.issue([...entryPath, { text: '/0' }], 'repeats an earlier key')};`,
        `${inner}${map}.set(${key}, ${item});`,
      ];
    });
  }

  private setStatements(items: TypeNode, value: string, path: PathPart[], indent: string): string[] {
    return this.collectionStatements('Set', 'must be an array', value, path, indent, (index, set, inner) => {
      const item = this.fresh('v');
      const itemPath = [...path, { text: '/' }, { expression: index }];
      return [
        `${inner}let ${item} = ${value}[${index}];`,
        ...this.statements(items, item, itemPath, inner),
        `${inner}if (${set}.has(${item})) ${this.issue(itemPath, 'repeats an earlier item')};`,
        `${inner}${set}.add(${item});`,
      ];
    });
  }

  /** Checks an array and builds a Map or Set from it, element by element, then puts it in place of the array. */
  private collectionStatements(
    container: 'Map' | 'Set',
    notArray: string,
    value: string,
    path: PathPart[],
    indent: string,
    element: (index: string, target: string, inner: string) => string[],
  ): string[] {
    const target = this.fresh(container === 'Map' ? 'm' : 's');
    const index = this.fresh('i');
    return [
      `${indent}if (!Array.isArray(${value})) ${this.issue(path, notArray)};`,
      `${indent}else {`,
      `${indent}  const ${target} = new ${container}();`,
      `${indent}  for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {`,
      ...element(index, target, indent + '    '),
      `${indent}  }`,
      `${indent}  ${value} = ${target};`,
      `${indent}}`,
    ];
  }

  private objectStatements(type: ObjectType, value: string, path: PathPart[], indent: string): string[] {
    const object = this.fresh('o');
    const count = this.fresh('n');
    const inner = indent + '  ';
    const lines = [
      `${indent}if (typeof ${value} !== "object" || ${value} === null || Array.isArray(${value})) ${this.issue(path, 'must be an object')};`,
      `${indent}else {`,
      `${inner}const ${object} = ${value};`,
      `${inner}let ${count} = 0;`,
    ];
    for (const property of type.properties) {
      const local = this.fresh('v');
      const propertyPath = [...path, { text: '/' + pointerToken(property.name) }];
      const read = ownPropertyRead(object, property.name);
      lines.push(`${inner}let ${local} = ${read};`);
      if (property.optional) lines.push(`${inner}if (${local} !== undefined) {`);
      else lines.push(`${inner}if (${local} === undefined) ${this.issue(propertyPath, 'is required')};`, `${inner}else {`);
      lines.push(`${inner}  ${count}++;`);
      lines.push(...this.statements(property.type, local, propertyPath, inner + '  '));
      if (this.revival.needsRevival(property.type)) {
        lines.push(`${inner}  setOwn(${object}, ${JSON.stringify(property.name)}, ${local});`);
      }
      lines.push(`${inner}}`);
    }
    const known = `[${type.properties.map((property) => JSON.stringify(property.name)).join(', ')}]`;
    if (type.additional) {
      const key = this.fresh('k');
      const local = this.fresh('v');
      const keyPath = [...path, { text: '/' }, { expression: `pointerToken(${key})` }];
      lines.push(`${inner}if (${count} !== keyCount(${object}) || ${type.properties.length === 0}) {`);
      lines.push(`${inner}  const known = new Set(${known});`);
      lines.push(`${inner}  for (const ${key} of Object.keys(${object})) {`);
      lines.push(`${inner}    if (known.has(${key})) continue;`);
      lines.push(`${inner}    let ${local} = ${object}[${key}];`);
      lines.push(...this.statements(type.additional, local, keyPath, inner + '    '));
      if (this.revival.needsRevival(type.additional)) lines.push(`${inner}    setOwn(${object}, ${key}, ${local});`);
      lines.push(`${inner}  }`);
      lines.push(`${inner}}`);
    } else {
      lines.push(`${inner}if (${count} !== keyCount(${object})) unknownKeys(${object}, ${known}, ${renderPath(path)}, e);`);
    }
    lines.push(`${indent}}`);
    return lines;
  }

  private unionStatements(members: TypeNode[], value: string, path: PathPart[], indent: string): string[] {
    const literals = members.filter((member) => member.kind === 'literal');
    if (literals.length === members.length) {
      const values = literals.map((literal) => JSON.stringify(literal.value));
      const test = values.map((literal) => `${value} !== ${literal}`).join(' && ');
      return [`${indent}if (${test}) ${this.issue(path, `must be one of ${values.join(', ')}`)};`];
    }
    const others = members.filter((member) => member.kind !== 'null');
    if (others.length < members.length) {
      const rest: TypeNode = others.length === 1 ? others[0] : { kind: 'union', members: others };
      return [`${indent}if (${value} !== null) {`, ...this.statements(rest, value, path, indent + '  '), `${indent}}`];
    }
    const discriminator = findDiscriminator(members, this.schemas);
    if (discriminator) return this.taggedStatements(members, discriminator, value, path, indent);
    const trial = this.fresh('t');
    const result = this.fresh('r');
    const memberFunctions = members.map((member) => this.memberFunction(member));
    const lines = [`${indent}const ${trial} = [];`, `${indent}let ${result} = ${memberFunctions[0]}(${value}, "", ${trial});`];
    for (const memberFunction of memberFunctions.slice(1)) {
      lines.push(`${indent}if (${trial}.length > 0) { ${trial}.length = 0; ${result} = ${memberFunction}(${value}, "", ${trial}); }`);
    }
    lines.push(`${indent}if (${trial}.length > 0) ${this.issue(path, 'does not match any of the allowed types')};`);
    lines.push(`${indent}else ${value} = ${result};`);
    return lines;
  }

  /** A discriminated union: the tag picks the member, so errors speak of that member only. */
  private taggedStatements(members: TypeNode[], discriminator: Discriminator, value: string, path: PathPart[], indent: string): string[] {
    const tagPath = [...path, { text: '/' + pointerToken(discriminator.property) }];
    const allowed = discriminator.tags.map((tag) => JSON.stringify(tag.value)).join(', ');
    const lines = [
      `${indent}if (typeof ${value} !== "object" || ${value} === null || Array.isArray(${value})) ${this.issue(path, 'must be an object')};`,
      `${indent}else switch (${value}[${JSON.stringify(discriminator.property)}]) {`,
    ];
    for (const tag of discriminator.tags) {
      lines.push(`${indent}  case ${JSON.stringify(tag.value)}: {`);
      lines.push(...this.statements(members[tag.member] ?? { kind: 'unknown' }, value, path, indent + '    '));
      lines.push(`${indent}    break;`, `${indent}  }`);
    }
    lines.push(`${indent}  default:`, `${indent}    ${this.issue(tagPath, `must be one of ${allowed}`)};`, `${indent}}`);
    return lines;
  }

  private memberFunction(member: TypeNode): string {
    const name = this.fresh('m');
    const body = this.functionBody(member);
    this.functions.push([`function ${name}(v, p, e) {`, ...body, `  return v;`, `}`].join('\n'));
    return name;
  }

  /** The body of a `(v, p, e) => v` function; `void` keeps `p` and `e` read under `noUnusedParameters`. */
  private functionBody(type: TypeNode): string[] {
    const body = this.statements(type, 'v', [{ expression: 'p' }], '  ');
    return body.length > 0 ? body : ['  void p;', '  void e;'];
  }

  private refStatements(name: string, value: string, path: PathPart[], indent: string): string[] {
    const functionName = `d_${name}`;
    if (!this.emittedSchemas.has(name)) {
      this.emittedSchemas.add(name);
      const body = this.functionBody(this.schemas.get(name) ?? { kind: 'unknown' });
      this.functions.push([`function ${functionName}(v, p, e) {`, ...body, `  return v;`, `}`].join('\n'));
    }
    const call = `${functionName}(${value}, ${renderPath(path)}, e)`;
    return [this.revival.needsRevival({ kind: 'ref', name }) ? `${indent}${value} = ${call};` : `${indent}${call};`];
  }
}
