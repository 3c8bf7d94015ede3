import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tspc, writeProject } from '../helpers/project.js';

const source = `export class Counter {
  count = 0;
  increment(): void {
    this.count++;
  }
}

export function page(id: string) {
  const counter = new Counter();
  const callback = (): number => 1;
  let total = 0;
  const usesThis = async function (): Promise<void> {
    'use server';
    console.log(this);
  };
  const usesArguments = async function (): Promise<number> {
    'use server';
    return arguments.length;
  };
  const capturesFunction = async (): Promise<number> => {
    'use server';
    return callback();
  };
  const capturesInstance = async (): Promise<number> => {
    'use server';
    return counter.count;
  };
  const assigns = async (): Promise<void> => {
    'use server';
    total += id.length;
  };
  const reserved = async ($bound: string): Promise<string> => {
    'use server';
    return $bound;
  };
  return { usesThis, usesArguments, capturesFunction, capturesInstance, assigns, reserved, total };
}

export class Service {
  async method(): Promise<void> {
    'use server';
  }
}
`;

const usesSuper = `class Base {
  name(): string {
    return 'base';
  }
}

export class Child extends Base {
  override name(): string {
    const action = async (): Promise<string> => {
      'use server';
      return super.name();
    };
    void action;
    return 'child';
  }
}
`;

const returnsPlainFunction = `'use server';
export async function handOut(): Promise<{ run: () => number }> {
  return { run: () => 1 };
}
`;

describe('inline action diagnostics', () => {
  const dir = writeProject('inline-diagnostics', { 'src/page.ts': source, 'src/actions.ts': returnsPlainFunction, 'src/child.ts': usesSuper }, { noEmitOnError: true });
  const result = tspc(dir);
  const lines = result.output.split('\n').filter((line) => line.includes('actionwire/'));

  it('fails the build and emits nothing', () => {
    expect(result.status).not.toBe(0);
    expect(existsSync(join(dir, 'dist', 'page.js'))).toBe(false);
  });

  it.each([
    ['this', /src\/page\.ts\(14,17\): error TS93013: \[actionwire\/inline-capture\] Inline action page\.usesThis uses 'this'/],
    ['arguments', /src\/page\.ts\(18,12\): error TS93013: \[actionwire\/inline-capture\] Inline action page\.usesArguments uses 'arguments'/],
    ['a captured function', /src\/page\.ts\(22,12\): error TS93003: \[actionwire\/unsupported-type\] the variable 'callback' that page\.capturesFunction captures has type '\(\) => number'/],
    ['a captured class instance', /src\/page\.ts\(26,12\): error TS93003: \[actionwire\/unsupported-type\] the variable 'counter' that page\.capturesInstance captures \(at \.increment\) has type '\(\) => void'/],
    ['an assignment to a captured variable', /src\/page\.ts\(30,5\): error TS93013: \[actionwire\/inline-capture\] Inline action page\.assigns assigns to 'total'/],
    ['the reserved parameter name', /src\/page\.ts\(32,27\): error TS93007: \[actionwire\/unsupported-parameter\] The parameter name '\$bound' is reserved/],
    ['a class method', /src\/page\.ts\(40,9\): error TS93009: \[actionwire\/inline-unsupported\] 'use server' can start the body of .* not of a class method/],
    ['super', /src\/child\.ts\(11,14\): error TS93013: \[actionwire\/inline-capture\] Inline action Child\.name\.action uses 'super'/],
    ['a plain function in a return value', /src\/actions\.ts\(2,34\): error TS93003: \[actionwire\/unsupported-type\] handOut return type \.run has type '\(\) => number'.*must be a server action/],
  ])('reports %s at its file:line:col', (_what, pattern) => {
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
  });

  it('reports nothing else', () => {
    expect(lines).toHaveLength(9);
  });
});
