import { findDiscriminator, type Discriminator } from '../../../model/discriminator.js';
import { assertNever, parametersObject, type Parameter, type TypeNode } from '../../../model/model.js';
import type { RevivalPlanner } from '../../../model/revival.js';
import { renderPath, type PathPart } from './code-path.js';
import type { NameTable } from './name-table.js';
import { acceptedKeys, scoreExpression } from './object-keys.js';
import { ownPropertyRead, pointerToken } from './source-text.js';

type ObjectType = Extract<TypeNode, { kind: 'object' }>;

/**
 * `decode`: statements that report every problem into `e` (an IssueList) with its JSON Pointer and
 * revive values in place (Date, bigint, bytes, Map, Set), once the value is known to fit.
 * `check`: statements of a pure predicate — `return false` at the first problem, nothing revived or
 * removed — used to choose a union's member before anything is decoded.
 */
type Mode = 'decode' | 'check';

/** How many union members one call may try before its arguments are refused as too complex. */
const UNION_TRIAL_BUDGET = 1_000_000;

/**
 * Emits the JavaScript that validates a parsed request body against an action's parameter types.
 * Helpers it calls (`unknownKeys`, `isDateTime`, …) are parameters of the compiled scope.
 */
export class ValidatorEmitter {
  private readonly hoisted: string[] = [];
  private spendsTrialBudget = false;

  constructor(
    private readonly names: NameTable,
    private readonly schemas: ReadonlyMap<string, TypeNode>,
    private readonly revival: RevivalPlanner,
  ) {}

  /** The functions and constants emitted so far (named schemas, union members, key lists). */
  functions(): string[] {
    return this.hoisted;
  }

  /** Does the code emitted so far try union members (and so need its trial budget, which `tooComplex()` ends)? */
  triesUnionMembers(): boolean {
    return this.spendsTrialBudget;
  }

  /** `function name(v, e)` → the action's arguments, in parameter order. */
  actionDecoder(params: readonly Parameter[], form: boolean, name: string): string {
    if (form) {
      return [`function ${name}(v, e) {`, `  if (!(v instanceof FormData)) { e.add("", "must be form data"); return []; }`, `  return [v];`, `}`].join('\n');
    }
    const body = parametersObject(params);
    const args = params.map((param) => ownPropertyRead('v', param.name)).join(', ');
    const statements = this.objectStatements(body, 'v', [], '  ', 'decode', true);
    return [
      `function ${name}(v, e) {`,
      ...(this.triesUnionMembers() ? [`  budget = ${UNION_TRIAL_BUDGET};`] : []),
      `  if (typeof v !== "object" || v === null || Array.isArray(v)) { e.add("", "must be an object whose keys are the parameter names"); return []; }`,
      ...statements,
      `  return [${args}];`,
      `}`,
    ].join('\n');
  }

  /**
   * `function name(v, e)` → an inline action's bound values (one object, its keys the captured variables'
   * names), checked and revived as parameters are; problems are reported below `at` (a JSON Pointer).
   */
  boundDecoder(bound: readonly Parameter[], name: string, at: string): string {
    const statements = this.statements(parametersObject(bound), 'v', [{ text: at }], '  ', 'decode');
    return [`function ${name}(v, e) {`, ...(this.triesUnionMembers() ? [`  budget = ${UNION_TRIAL_BUDGET};`] : []), ...statements, `  return v;`, `}`].join('\n');
  }

  private fail(mode: Mode, path: PathPart[], message: string): string {
    return mode === 'check' ? 'return false' : `e.add(${renderPath(path)}, ${JSON.stringify(message)})`;
  }

  /** Statements checking the local `value` against `type`; in decode mode they assign a revived value back to `value`. */
  private statements(type: TypeNode, value: string, path: PathPart[], indent: string, mode: Mode): string[] {
    const fail = (message: string): string => this.fail(mode, path, message);
    const revive = (expression: string): string[] => (mode === 'decode' ? [`${indent}else ${value} = ${expression};`] : []);
    switch (type.kind) {
      case 'string':
        return [`${indent}if (typeof ${value} !== "string") ${fail('must be a string')};`];
      case 'number':
        return type.integer
          ? [`${indent}if (!Number.isInteger(${value})) ${fail('must be an integer')};`]
          : [`${indent}if (!Number.isFinite(${value})) ${fail('must be a finite number')};`];
      case 'boolean':
        return [`${indent}if (typeof ${value} !== "boolean") ${fail('must be a boolean')};`];
      case 'null':
        return [`${indent}if (${value} !== null) ${fail('must be null')};`];
      case 'literal':
        return [`${indent}if (${value} !== ${JSON.stringify(type.value)}) ${fail(`must be ${JSON.stringify(type.value)}`)};`];
      case 'date':
        return [`${indent}if (typeof ${value} !== "string" || !isDateTime(${value})) ${fail('must be an ISO 8601 date-time string naming a real date')};`, ...revive(`new Date(${value})`)];
      case 'bigint':
        return [`${indent}if (typeof ${value} !== "string" || !isBigIntText(${value})) ${fail('must be an integer written as a decimal string')};`, ...revive(`BigInt(${value})`)];
      case 'bytes':
        return [`${indent}if (typeof ${value} !== "string" || !isBase64(${value})) ${fail('must be base64')};`, ...revive(`fromBase64(${value})`)];
      case 'unknown':
        return this.unknownStatements(value, path, indent, mode);
      case 'tuple':
        return this.tupleStatements(type, value, path, indent, mode);
      case 'map':
        return this.collectionStatements('Map', type.key, type.value, value, path, indent, mode);
      case 'set':
        return this.collectionStatements('Set', type.items, undefined, value, path, indent, mode);
      case 'array':
        return this.arrayStatements(type.items, value, path, indent, mode);
      case 'object':
        return this.objectStatements(type, value, path, indent, mode);
      case 'union':
        return this.unionStatements(type.members, value, path, indent, mode);
      case 'ref':
        return this.refStatements(type.name, value, path, indent, mode);
      case 'action':
        // the analysis refuses actions among parameters: a model that has one still gets no crash, only a problem
        return [`${indent}${fail('an action reference cannot be an argument')};`];
      default:
        return assertNever(type);
    }
  }

  /** Any JSON, but no key that could reach a prototype once the action copies or merges it. */
  private unknownStatements(value: string, path: PathPart[], indent: string, mode: Mode): string[] {
    if (mode === 'check') return [`${indent}if (reservedKeyPath(${value}) !== undefined) return false;`];
    const found = this.names.fresh('r');
    return [
      `${indent}const ${found} = reservedKeyPath(${value});`,
      `${indent}if (${found} !== undefined) e.add(${renderPath([...path, { expression: found }])}, "is a reserved key (__proto__, constructor, prototype)");`,
    ];
  }

  private writeBack(type: TypeNode, mode: Mode, line: string): string[] {
    return mode === 'decode' && this.revival.needsRevival(type) ? [line] : [];
  }

  private arrayStatements(items: TypeNode, value: string, path: PathPart[], indent: string, mode: Mode): string[] {
    return [
      `${indent}if (!Array.isArray(${value})) ${this.fail(mode, path, 'must be an array')};`,
      `${indent}else {`,
      ...this.arrayLoop(items, value, path, indent + '  ', 0, mode),
      `${indent}}`,
    ];
  }

  private arrayLoop(items: TypeNode, value: string, path: PathPart[], indent: string, start: number, mode: Mode): string[] {
    const index = this.names.fresh('i');
    const element = this.names.fresh('v');
    const inner = indent + '  ';
    return [
      `${indent}for (let ${index} = ${start}; ${index} < ${value}.length; ${index}++) {`,
      `${inner}let ${element} = ${value}[${index}];`,
      ...this.statements(items, element, [...path, { text: '/' }, { expression: index }], inner, mode),
      ...this.writeBack(items, mode, `${inner}${value}[${index}] = ${element};`),
      `${indent}}`,
    ];
  }

  private tupleStatements(type: Extract<TypeNode, { kind: 'tuple' }>, value: string, path: PathPart[], indent: string, mode: Mode): string[] {
    const count = type.items.length;
    const bounds = type.rest
      ? `${value}.length < ${type.minItems}`
      : type.minItems === count
        ? `${value}.length !== ${count}`
        : `${value}.length < ${type.minItems} || ${value}.length > ${count}`;
    const expected = type.rest ? `at least ${type.minItems} items` : type.minItems === count ? `${count} items` : `${type.minItems} to ${count} items`;
    const lines = [
      `${indent}if (!Array.isArray(${value})) ${this.fail(mode, path, 'must be an array')};`,
      `${indent}else if (${bounds}) ${this.fail(mode, path, `must have ${expected}`)};`,
      `${indent}else {`,
    ];
    const inner = indent + '  ';
    type.items.forEach((item, index) => {
      const element = this.names.fresh('v');
      const body = [
        `${inner}let ${element} = ${value}[${index}];`,
        ...this.statements(item, element, [...path, { text: `/${index}` }], inner, mode),
        ...this.writeBack(item, mode, `${inner}${value}[${index}] = ${element};`),
      ];
      lines.push(...(index >= type.minItems ? [`${indent}  if (${value}.length > ${index}) {`, ...body.map((line) => '  ' + line), `${indent}  }`] : body));
    });
    if (type.rest) lines.push(...this.arrayLoop(type.rest, value, path, inner, count, mode));
    lines.push(`${indent}}`);
    return lines;
  }

  /**
   * The identity of a Map key or Set item for the "no repeats" rule: Dates by their instant, bytes by
   * their content. In check mode the value is still its wire form.
   */
  private identity(type: TypeNode, value: string, mode: Mode): string {
    if (mode === 'check' && type.kind === 'date') return `keyOf(new Date(${value}))`;
    if (mode === 'check' && type.kind === 'bytes') return `keyOf(fromBase64(${value}))`;
    return `keyOf(${value})`;
  }

  /** A Map (from [key, value] pairs) or a Set (from an array): built element by element, then put in place of the array. */
  private collectionStatements(
    container: 'Map' | 'Set',
    keyType: TypeNode,
    valueType: TypeNode | undefined,
    value: string,
    path: PathPart[],
    indent: string,
    mode: Mode,
  ): string[] {
    const seen = this.names.fresh('s');
    const built = this.names.fresh('c');
    const index = this.names.fresh('i');
    const inner = indent + '    ';
    const elementPath = [...path, { text: '/' }, { expression: index }];
    const key = this.names.fresh('k');
    const lines = [
      `${indent}if (!Array.isArray(${value})) ${this.fail(mode, path, container === 'Map' ? 'must be an array of [key, value] pairs' : 'must be an array')};`,
      `${indent}else {`,
      `${indent}  const ${seen} = new Set();`,
      ...(mode === 'decode' ? [`${indent}  const ${built} = new ${container}();`] : []),
      `${indent}  for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {`,
    ];
    const keyPath = container === 'Map' ? [...elementPath, { text: '/0' }] : elementPath;
    if (container === 'Map' && valueType) {
      const entry = this.names.fresh('p');
      const item = this.names.fresh('v');
      lines.push(
        `${inner}const ${entry} = ${value}[${index}];`,
        `${inner}if (!Array.isArray(${entry}) || ${entry}.length !== 2) { ${this.fail(mode, elementPath, 'must be a [key, value] pair')}; continue; }`,
        `${inner}let ${key} = ${entry}[0];`,
        `${inner}let ${item} = ${entry}[1];`,
        ...this.statements(keyType, key, keyPath, inner, mode),
        ...this.statements(valueType, item, [...elementPath, { text: '/1' }], inner, mode),
        ...this.repeatCheck(keyType, key, seen, keyPath, inner, mode, 'repeats an earlier key'),
        ...(mode === 'decode' ? [`${inner}${built}.set(${key}, ${item});`] : []),
      );
    } else {
      lines.push(
        `${inner}let ${key} = ${value}[${index}];`,
        ...this.statements(keyType, key, keyPath, inner, mode),
        ...this.repeatCheck(keyType, key, seen, keyPath, inner, mode, 'repeats an earlier item'),
        ...(mode === 'decode' ? [`${inner}${built}.add(${key});`] : []),
      );
    }
    lines.push(`${indent}  }`, ...(mode === 'decode' ? [`${indent}  ${value} = ${built};`] : []), `${indent}}`);
    return lines;
  }

  private repeatCheck(type: TypeNode, key: string, seen: string, path: PathPart[], indent: string, mode: Mode, message: string): string[] {
    const id = this.names.fresh('d');
    return [
      `${indent}{`,
      `${indent}  const ${id} = ${this.identity(type, key, mode)};`,
      `${indent}  if (${seen}.has(${id})) ${this.fail(mode, path, message)};`,
      `${indent}  ${seen}.add(${id});`,
      `${indent}}`,
    ];
  }

  /** `checked`: the value was already found to be a plain object (the request body). */
  private objectStatements(type: ObjectType, value: string, path: PathPart[], indent: string, mode: Mode, checked = false): string[] {
    const object = this.names.fresh('o');
    const count = this.names.fresh('n');
    const inner = indent + '  ';
    const lines = [
      ...(checked ? [] : [`${indent}if (typeof ${value} !== "object" || ${value} === null || Array.isArray(${value})) ${this.fail(mode, path, 'must be an object')};`]),
      `${indent}${checked ? '' : 'else '}{`,
      `${inner}const ${object} = ${value};`,
      `${inner}let ${count} = 0;`,
    ];
    for (const property of type.properties) {
      const local = this.names.fresh('v');
      const propertyPath = [...path, { text: '/' + pointerToken(property.name) }];
      lines.push(`${inner}let ${local} = ${ownPropertyRead(object, property.name)};`);
      if (property.optional) lines.push(`${inner}if (${local} !== undefined) {`);
      else lines.push(`${inner}if (${local} === undefined) ${this.fail(mode, propertyPath, 'is required')};`, `${inner}else {`);
      lines.push(`${inner}  ${count}++;`);
      lines.push(...this.statements(property.type, local, propertyPath, inner + '  ', mode));
      lines.push(...this.writeBack(property.type, mode, `${inner}  setOwn(${object}, ${JSON.stringify(property.name)}, ${local});`));
      lines.push(`${inner}}`);
    }
    const known = this.knownKeys(type);
    if (type.additional) lines.push(...this.additionalStatements(type, type.additional, object, count, known, path, inner, mode));
    else if (mode === 'check') lines.push(`${inner}if (${count} !== keyCount(${object}) && !stripping()) return false;`);
    else lines.push(`${inner}if (${count} !== keyCount(${object})) unknownKeys(${object}, ${known}, ${renderPath(path)}, e);`);
    lines.push(`${indent}}`);
    return lines;
  }

  /** The declared property names of an object type, as a constant of the compiled scope. */
  private knownKeys(type: ObjectType): string {
    const name = this.names.fresh('K');
    this.hoisted.push(`const ${name} = ${JSON.stringify(type.properties.map((property) => property.name))};`);
    return name;
  }

  /** The undeclared keys of a record or index signature: each a valid key (not reserved, numeric where declared so) with a valid value. */
  private additionalStatements(type: ObjectType, additional: TypeNode, object: string, count: string, known: string, path: PathPart[], indent: string, mode: Mode): string[] {
    const key = this.names.fresh('k');
    const local = this.names.fresh('v');
    const keyPath = [...path, { text: '/' }, { expression: `pointerToken(${key})` }];
    const inner = indent + '    ';
    const keyRule = type.numericKeys
      ? `${inner}if (!isNumberKey(${key})) { ${this.fail(mode, keyPath, 'is not a number key')}; continue; }`
      : `${inner}if (isReservedKey(${key})) { ${this.fail(mode, keyPath, 'is a reserved key (__proto__, constructor, prototype)')}; continue; }`;
    return [
      `${indent}if (${count} !== keyCount(${object}) || ${type.properties.length === 0}) {`,
      `${indent}  for (const ${key} of Object.keys(${object})) {`,
      `${inner}if (${known}.includes(${key})) continue;`,
      keyRule,
      `${inner}let ${local} = ${object}[${key}];`,
      ...this.statements(additional, local, keyPath, inner, mode),
      ...this.writeBack(additional, mode, `${inner}setOwn(${object}, ${key}, ${local});`),
      `${indent}  }`,
      `${indent}}`,
    ];
  }

  private unionStatements(members: TypeNode[], value: string, path: PathPart[], indent: string, mode: Mode): string[] {
    const literals = members.filter((member) => member.kind === 'literal');
    if (literals.length === members.length) {
      const values = literals.map((literal) => JSON.stringify(literal.value));
      const test = values.map((literal) => `${value} !== ${literal}`).join(' && ');
      return [`${indent}if (${test}) ${this.fail(mode, path, `must be one of ${values.join(', ')}`)};`];
    }
    const others = members.filter((member) => member.kind !== 'null');
    if (others.length < members.length) {
      const rest: TypeNode = others.length === 1 ? (others[0] as TypeNode) : { kind: 'union', members: others };
      return [`${indent}if (${value} !== null) {`, ...this.statements(rest, value, path, indent + '  ', mode), `${indent}}`];
    }
    const discriminator = findDiscriminator(members, this.schemas);
    if (discriminator) return this.taggedStatements(members, discriminator, value, path, indent, mode);
    const checks = members.map((member) => this.checkFunction(member));
    if (mode === 'check') return [`${indent}if (!(${checks.map((check) => `${check}(${value})`).join(' || ')})) return false;`];
    return this.chooseAndDecode(members, checks, value, path, indent);
  }

  /**
   * Decodes a union without touching the value before a member is chosen: members are checked by pure
   * predicates, the one declaring the most of the value's keys first, and only the chosen member
   * decodes (and revives). When none fits, the member most likely meant reports its problems.
   */
  private chooseAndDecode(members: TypeNode[], checks: string[], value: string, path: PathPart[], indent: string): string[] {
    const best = this.names.fresh('b');
    const bestScore = this.names.fresh('w');
    const chosen = this.names.fresh('c');
    const score = this.names.fresh('q');
    const lines = [`${indent}let ${best} = 0, ${bestScore} = -1, ${chosen} = -1, ${score} = 0;`];
    members.forEach((member, index) => {
      const keys = acceptedKeys(member, this.schemas);
      if (keys === undefined) return;
      const constant = this.names.fresh('K');
      this.hoisted.push(`const ${constant} = ${JSON.stringify(keys.declared)};`);
      lines.push(`${indent}${score} = ${scoreExpression(value, constant, keys)}; if (${score} > ${bestScore}) { ${bestScore} = ${score}; ${best} = ${index}; }`);
    });
    const checkOf = (index: string): string => checks.map((check, at) => `${index} === ${at} ? ${check}(${value}) : `).join('') + 'false';
    lines.push(`${indent}if (${checkOf(best)}) ${chosen} = ${best};`);
    checks.forEach((check, index) => lines.push(`${indent}else if (${best} !== ${index} && ${check}(${value})) ${chosen} = ${index};`));
    const describe = members.map((member) => describeType(member)).join(', ');
    lines.push(`${indent}if (${chosen} === -1 && ${bestScore} <= 0) ${this.fail('decode', path, `must be one of: ${describe}`)};`);
    lines.push(`${indent}else switch (${chosen} === -1 ? ${best} : ${chosen}) {`);
    members.forEach((member, index) => {
      lines.push(`${indent}  case ${index}: {`, ...this.statements(member, value, path, indent + '    ', 'decode'), `${indent}    break;`, `${indent}  }`);
    });
    lines.push(`${indent}}`);
    return lines;
  }

  /** A discriminated union: the tag picks the member, so errors speak of that member only. */
  private taggedStatements(members: TypeNode[], discriminator: Discriminator, value: string, path: PathPart[], indent: string, mode: Mode): string[] {
    const tagPath = [...path, { text: '/' + pointerToken(discriminator.property) }];
    const allowed = discriminator.tags.map((tag) => JSON.stringify(tag.value)).join(', ');
    const lines = [
      `${indent}if (typeof ${value} !== "object" || ${value} === null || Array.isArray(${value})) ${this.fail(mode, path, 'must be an object')};`,
      `${indent}else switch (${ownPropertyRead(value, discriminator.property)}) {`,
    ];
    for (const tag of discriminator.tags) {
      lines.push(`${indent}  case ${JSON.stringify(tag.value)}: {`);
      lines.push(...this.statements(members[tag.member] ?? { kind: 'unknown' }, value, path, indent + '    ', mode));
      lines.push(`${indent}    break;`, `${indent}  }`);
    }
    lines.push(`${indent}  default:`, `${indent}    ${this.fail(mode, tagPath, `must be one of ${allowed}`)};`, `${indent}}`);
    return lines;
  }

  /** A predicate for one union member; each call spends one unit of the call's trial budget. */
  private checkFunction(member: TypeNode): string {
    if (member.kind === 'ref') return this.namedFunction(member.name, 'check');
    const name = this.names.fresh('c');
    this.hoisted.push(this.memberCheck(name, member));
    return name;
  }

  /** `function name(v)`: whether `v` is of `type`, spending one unit of the call's union trial budget. */
  private memberCheck(name: string, type: TypeNode): string {
    this.spendsTrialBudget = true;
    return [`function ${name}(v) {`, `  if (--budget < 0) tooComplex();`, ...this.statements(type, 'v', [], '  ', 'check'), `  return true;`, `}`].join('\n');
  }

  /** The function of one named schema in one mode: decode `(v, p, e) => v`, check `(v) => boolean`. */
  private namedFunction(schema: string, mode: Mode): string {
    const { name, created } = this.names.once(`${mode}:${schema}`, mode === 'check' ? 'C' : 'D');
    if (created) {
      const type = this.schemas.get(schema) ?? { kind: 'unknown' };
      this.hoisted.push(
        mode === 'check'
          ? this.memberCheck(name, type)
          : [`function ${name}(v, p, e) {`, ...this.statements(type, 'v', [{ expression: 'p' }], '  ', 'decode'), `  return v;`, `}`].join('\n'),
      );
    }
    return name;
  }

  private refStatements(schema: string, value: string, path: PathPart[], indent: string, mode: Mode): string[] {
    const name = this.namedFunction(schema, mode);
    if (mode === 'check') return [`${indent}if (!${name}(${value})) return false;`];
    const call = `${name}(${value}, ${renderPath(path)}, e)`;
    return [this.revival.needsRevival({ kind: 'ref', name: schema }) ? `${indent}${value} = ${call};` : `${indent}${call};`];
  }
}

/** A member's kind in words, for "must be one of: …". */
function describeType(type: TypeNode): string {
  switch (type.kind) {
    case 'literal':
      return JSON.stringify(type.value);
    case 'ref':
      return type.name;
    case 'date':
      return 'a date-time string';
    case 'bigint':
      return 'an integer string';
    case 'bytes':
      return 'base64';
    case 'map':
    case 'set':
    case 'tuple':
      return 'an array';
    case 'object': {
      const names = type.properties.map((property) => property.name);
      return names.length === 0 ? 'an object' : `{${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}}`;
    }
    default:
      return type.kind === 'union' ? type.members.map(describeType).join(', ') : type.kind;
  }
}

