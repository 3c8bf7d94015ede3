import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tspc, writeProject } from '../helpers/project.js';

describe('types that cannot cross the wire', () => {
  const dir = writeProject('unsupported-types', {
    'src/actions.ts': `'use server';
class Account {
  constructor(public id: number) {}
  close(): void {}
}
interface Order {
  address: { zip: () => string };
  items: Array<{ at: symbol }>;
}
export async function withClass(account: Account): Promise<void> {}
export async function nested(order: Order): Promise<void> {}
export async function generic<T>(value: T): Promise<void> {}
export async function promised(value: Promise<string>): Promise<void> {}
export async function impossible(value: never): Promise<void> {}
export async function weak(): Promise<{ cache: WeakMap<object, string> }> { return { cache: new WeakMap() }; }
export async function loose(value: any): Promise<void> {}
export async function variadic(...values: string[]): Promise<void> {}
export async function destructured({ a }: { a: string }): Promise<void> {}
export async function formAndMore(form: FormData, extra: string): Promise<void> {}
export async function formInside(value: { form: FormData }): Promise<void> {}
export async function huge(value: 1e400): Promise<void> {}
export async function proto(value: { ['__proto__']: string }): Promise<void> {}
`,
  });
  const result = tspc(dir);
  const lines = result.output.split('\n').filter((line) => line.includes('actionwire/'));

  it('fails the build', () => {
    expect(result.status).not.toBe(0);
  });

  it.each([
    [/\(10,33\): error TS93003: .*withClass\(account\)\.close has type '\(\) => void'.*objects with methods/],
    [/\(11,30\): error TS93003: .*nested\(order\)\.address\.zip has type '\(\) => string'.*functions cannot cross the wire/],
    [/\(11,30\): error TS93003: .*nested\(order\)\.items\[\]\.at has type 'symbol'/],
    [/\(12,34\): error TS93003: .*generic\(value\) has type 'T'.*type parameter must be instantiated/],
    [/\(13,32\): error TS93003: .*promised\(value\) has type 'Promise<string>'.*library class/],
    [/\(14,34\): error TS93003: .*impossible\(value\) has type 'never'/],
    [/\(15,31\): error TS93003: .*weak return type \.cache has type 'WeakMap<object, string>'/],
    [/\(16,29\): warning TS93006: .*loose\(value\) is 'any'/],
    [/\(17,32\): error TS93007: .*Rest parameter 'values'/],
    [/\(18,36\): error TS93007: .*destructured/],
    [/\(19,23\): error TS93007: .*'formAndMore' takes FormData and other parameters/],
    [/\(20,34\): error TS93003: .*formInside\(value\)\.form has type 'FormData'/],
    [/\(21,28\): error TS93003: .*huge\(value\) has type 'Infinity'.*JSON has no Infinity or NaN/],
    [/\(22,29\): error TS93003: .*proto\(value\)\.__proto__ has type .*a property named '__proto__' changes the prototype/],
  ])('reports %s', (pattern) => {
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
  });

  it('reports nothing else', () => {
    expect(lines).toHaveLength(14);
  });
});

describe('schema names', () => {
  const dir = writeProject('schema-names', {
    'src/a.ts': `'use server';\nexport interface User { a: string }\nexport async function getA(): Promise<User> { return { a: '' }; }\n`,
    'src/b.ts': `'use server';\nexport interface User { b: number }\nexport interface ActionwireProblem { mine: true }\nexport async function getB(user: User, p: ActionwireProblem): Promise<User> { return user; }\n`,
  });
  const result = tspc(dir);

  it('are collision-free, stable and readable', () => {
    expect(result.output).toBe('');
    const spec = JSON.parse(readFileSync(join(dir, 'src/generated/openapi.json'), 'utf8'));
    expect(Object.keys(spec.components.schemas).sort()).toEqual(['ActionwireProblem', 'ActionwireProblem_2', 'User', 'User_2']);
    expect(spec.components.schemas.User.properties).toHaveProperty('a');
    expect(spec.components.schemas.User_2.properties).toHaveProperty('b');
    expect(spec.components.schemas.ActionwireProblem_2.properties).toHaveProperty('mine');
  });
});
