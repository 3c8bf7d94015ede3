import type { TypeNode } from '../../model/model.js';
import { compiledFunctions, identityAction, modelWith } from '../helpers/compiled-functions.js';
import { usersModel } from '../codegen/models.js';

function encodeWith(type: TypeNode, value: unknown): string {
  const action = identityAction(type);
  const { encode } = compiledFunctions(modelWith([action], usersModel.schemas), action);
  if (!encode) throw new Error('no encoder');
  return encode(value);
}

describe('generated serializers', () => {
  it('prunes every property the declared type does not declare, at every depth', () => {
    const row = {
      id: 1,
      name: 'Ada',
      email: 'a@x',
      joinedAt: new Date('2024-01-02T03:04:05.678Z'),
      passwordHash: 'secret',
      friends: [{ id: 2, name: 'Bob', email: null, joinedAt: new Date(0), internal: 'no' }],
    };
    const text = encodeWith({ kind: 'ref', name: 'User' }, row);
    expect(JSON.parse(text)).toEqual({
      id: 1,
      name: 'Ada',
      email: 'a@x',
      joinedAt: '2024-01-02T03:04:05.678Z',
      friends: [{ id: 2, name: 'Bob', email: null, joinedAt: '1970-01-01T00:00:00.000Z' }],
    });
    expect(text).not.toMatch(/secret|internal/);
  });

  it('writes the same JSON as JSON.stringify for values that fit exactly', () => {
    const value = { kind: 'square', side: 2.5 };
    expect(encodeWith({ kind: 'ref', name: 'Shape' }, value)).toBe(JSON.stringify(value));
    const strings = ['plain', 'quote " backslash \\ newline \n', 'emoji 😀 and \u2028', '\ud800 lone surrogate'];
    expect(encodeWith({ kind: 'array', items: { kind: 'string' } }, strings)).toBe(JSON.stringify(strings));
  });

  it('names the value that broke the declared type as it is (NaN, Infinity, an invalid Date, a bigint), and shortens a long string', () => {
    const failure = (type: TypeNode, value: unknown): string => {
      try {
        encodeWith(type, value);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('no mismatch');
    };
    const at = "the action's value does not match its declared return type at return value:";
    expect(failure({ kind: 'number' }, Number.NaN)).toBe(`${at} expected a finite number, got number NaN`);
    expect(failure({ kind: 'number' }, Number.NEGATIVE_INFINITY)).toBe(`${at} expected a finite number, got number -Infinity`);
    expect(failure({ kind: 'number', integer: true }, 1.5)).toBe(`${at} expected an integer, got number 1.5`);
    expect(failure({ kind: 'string' }, 10n)).toBe(`${at} expected a string, got bigint 10n`);
    expect(failure({ kind: 'date' }, new Date(Number.NaN))).toMatch(/got an invalid Date$/);
    const long = failure({ kind: 'number' }, 'x'.repeat(100_000));
    expect(long.length).toBeLessThan(300);
    expect(long).toMatch(/got string "x{20,}…" \(100000 characters\)$/);
  });

  it('handles optional properties in any position', () => {
    const type: TypeNode = {
      kind: 'object',
      properties: [
        { name: 'a', type: { kind: 'string' }, optional: true },
        { name: 'b', type: { kind: 'string' }, optional: true },
        { name: 'c', type: { kind: 'string' }, optional: false },
        { name: 'd', type: { kind: 'string' }, optional: true },
      ],
    };
    for (const value of [{ c: '3' }, { a: '1', c: '3' }, { b: '2', c: '3', d: '4' }, { a: '1', b: '2', c: '3', d: '4' }]) {
      expect(JSON.parse(encodeWith(type, value))).toEqual(value);
    }
  });

  it('keeps record entries and drops undefined ones', () => {
    const type: TypeNode = { kind: 'object', properties: [], additional: { kind: 'number' } };
    expect(encodeWith(type, { a: 1, b: undefined, c: 3 })).toBe('{"a":1,"c":3}');
  });

  it('fails loudly, naming the place, when the value breaks its own declared type', () => {
    expect(() => encodeWith({ kind: 'ref', name: 'User' }, { id: 1, joinedAt: new Date() })).toThrow(
      "the action's value does not match its declared return type at User.name: expected a string, got undefined",
    );
    expect(() => encodeWith({ kind: 'number' }, Number.NaN)).toThrow(/expected a finite number/);
    expect(() => encodeWith({ kind: 'ref', name: 'Role' }, 'root')).toThrow(/at Role: expected one of \["admin","member"\], got string "root"/);
  });

  it('writes unknown values as JSON, but refuses what JSON would garble (Map, Set, bytes, bigint) instead of writing {}', () => {
    expect(encodeWith({ kind: 'unknown' }, { a: [1, 'x', null], at: new Date(0) })).toBe('{"a":[1,"x",null],"at":"1970-01-01T00:00:00.000Z"}');
    for (const value of [new Map([['a', 1]]), new Set([1]), new Uint8Array([1]), { deep: [10n] }]) {
      expect(() => encodeWith({ kind: 'unknown' }, value)).toThrow(/does not match its declared return type at return value: expected JSON/);
    }
  });
});
