import { expectAnalysisGolden, type AnalysisCase } from '../helpers/analysis-golden.js';

/** Types that cannot cross the wire, each reported with its path in the parameter or the return value. */
const cases: AnalysisCase[] = [
  {
    name: 'parameters',
    dom: true,
    sources: {
      'src/actions.ts': `'use server';
class Account {
  constructor(public id: number) {}
  close(): void {}
}
interface Order {
  address: { zip: () => string };
  items: Array<{ at: symbol }>;
  pair: [string, bigint, () => void];
}
export async function withClass(account: Account): Promise<void> {}
export async function nested(order: Order): Promise<void> {}
export async function generic<T>(value: T): Promise<void> {}
export async function promised(value: Promise<string>): Promise<void> {}
export async function impossible(value: never): Promise<void> {}
export async function undefinedProperty(value: { gone: undefined }): Promise<void> {}
export async function mapKeys(value: Map<symbol, () => void>, set: Set<WeakRef<object>>): Promise<void> {}
export async function formInside(value: { form: FormData }): Promise<void> {}
export async function fine(value: { ok: string }): Promise<void> {}
`,
    },
  },
  {
    name: 'return-values',
    sources: {
      'src/actions.ts': `'use server';
export async function weak(): Promise<{ cache: WeakMap<object, string> }> {
  return { cache: new WeakMap() };
}
export async function callback(): Promise<{ later: () => void }[]> {
  return [];
}
export async function symbolic(): Promise<symbol> {
  return Symbol('x');
}
export async function regex(): Promise<RegExp> {
  return /x/;
}
export async function nothing(): Promise<undefined> {
  return undefined;
}
export async function maybe(): Promise<string | undefined> {
  return undefined;
}
export async function infinite(): Promise<{ n: typeof Infinity }> {
  return { n: Infinity };
}
`,
    },
  },
  {
    name: 'recursion',
    sources: {
      'src/actions.ts': `'use server';
export interface Node {
  next: Node | null;
  bad: () => void;
}
export async function walk(node: Node): Promise<Node> {
  return node;
}
export async function anonymous(value: { self: { deeper: { fn: Function } } }): Promise<void> {}
`,
    },
  },
];

describe('unsupported types (golden files under tests/golden/analysis/unsupported-types; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expectAnalysisGolden('unsupported-types', c));
});
