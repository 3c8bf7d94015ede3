import { expectAnalysisGolden, type AnalysisCase } from '../helpers/analysis-golden.js';

/** Which exports of a 'use server' module are actions, and what is wrong with those that cannot be. */
const cases: AnalysisCase[] = [
  {
    name: 'actions',
    sources: {
      'src/shapes.ts': `'use server';
/** Declared with the function keyword. */
export async function declared(name: string, times?: number, loud = false): Promise<string> {
  return name.repeat(times ?? 1) + (loud ? '!' : '');
}
export const arrow = async (id: number): Promise<{ id: number }> => ({ id });
export const expression = async function (): Promise<void> {};
export const wrapped = (async (): Promise<number> => 1) satisfies () => Promise<number>;
async function local(): Promise<string | undefined> {
  return undefined;
}
export { local as renamed };
function make(): () => Promise<number> {
  return async () => 1;
}
export const made = make();
export type Shape = { id: number };
export interface Contract {
  id: number;
}
type Hidden = string;
export type { Hidden };
`,
      'src/default-export.ts': `'use server';\nexport default async function (value: boolean): Promise<boolean> {\n  return !value;\n}\n`,
    },
  },
  {
    name: 'not-async',
    sources: {
      'src/sync.ts': `'use server';
export function declared(): number {
  return 1;
}
export const arrow = (): number => 1;
export const promising = (): Promise<number> => Promise.resolve(1);
function quoted(): void {}
export { quoted as 'a-b' };
function makeSync(): () => number {
  return () => 1;
}
export const made = makeSync();
`,
      'src/default-sync.ts': `'use server';\nexport default function (): void {}\n`,
    },
  },
  {
    name: 'not-a-function',
    sources: {
      'src/values.ts': `'use server';
export const limit = 10;
export let mutable = { a: 1 };
export class Service {}
export enum Color {
  Red,
}
const hidden = 'x';
export { hidden as renamedValue };
export default 42;
`,
    },
  },
  {
    name: 'parameters',
    dom: true,
    sources: {
      'src/parameters.ts': `'use server';
export async function overloaded(value: string): Promise<string>;
export async function overloaded(value: number): Promise<number>;
export async function overloaded(value: string | number): Promise<string | number> {
  return value;
}
export async function destructured({ a }: { a: string }): Promise<string> {
  return a;
}
export async function variadic(...values: string[]): Promise<number> {
  return values.length;
}
export async function formAndMore(form: FormData, extra: string): Promise<void> {}
export async function twoForms(first: FormData, second: FormData): Promise<void> {}
export async function loose(value: any, list: any[]): Promise<any> {
  return value ?? list;
}
`,
    },
  },
  {
    name: 'client-names',
    sources: {
      'src/names.ts': `'use server';\nexport async function bind(): Promise<void> {}\nexport async function fine(): Promise<void> {}\n`,
    },
  },
];

describe('exports of a use server module (golden files under tests/golden/analysis/exports; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expectAnalysisGolden('exports', c));
});
