import { expectAnalysisGolden, type AnalysisCase } from '../helpers/analysis-golden.js';

/** The directive rules as JavaScript has them: a directive is a string statement in the prologue of the file or of a function body. */
const cases: AnalysisCase[] = [
  {
    name: 'prologue',
    sources: {
      'src/after-comments.ts': `// comments may come first
/* block comments too */
'use strict';
"use server";
export async function afterComments(): Promise<void> {}
`,
      'src/crlf.ts': `'use server';\r\nexport async function crlf(): Promise<void> {}\r\n`,
    },
  },
  {
    name: 'misplaced',
    sources: {
      'src/helper.ts': `export function helper(): number {\n  return 1;\n}\n`,
      'src/after-import.ts': `import { helper } from './helper.js';
'use server';
export async function notAnAction(): Promise<number> {
  return helper();
}
`,
      'src/after-statement.ts': `export async function late(): Promise<void> {
  const x = 1;
  'use server';
  void x;
}
export function inBlock(flag: boolean): void {
  if (flag) {
    'use server';
  }
  switch (Number(flag)) {
    case 1:
      'use server';
  }
}
`,
      'src/template.ts': '`use server`;\nexport async function template(): Promise<void> {}\n',
      'src/namespace.ts': `export namespace Inner {\n  'use server';\n  export const x = 1;\n}\n`,
    },
  },
  {
    name: 'misspelled',
    sources: {
      'src/sever.ts': `'use sever';\nexport async function sever(): Promise<void> {}\n`,
      'src/capitals.ts': `'Use Server';\nexport async function capitals(): Promise<void> {}\n`,
      'src/dashed.ts': `"use-server";\nexport async function dashed(): Promise<void> {}\n`,
      'src/servers.ts': `'use servers';\nexport async function servers(): Promise<void> {}\n`,
      'src/in-body.ts': `export async function inBody(): Promise<void> {\n  'use sevrer';\n}\n`,
      'src/not-close.ts': `'use client';\n'use strict';\nexport async function notClose(): Promise<void> {}\n`,
    },
  },
  {
    name: 'inline',
    sources: {
      'src/outer.ts': `export function outer(): unknown[] {
  async function inner(): Promise<number> {
    'use server';
    return 1;
  }
  const arrow = async (): Promise<void> => {
    'use server';
  };
  const expression = async function named(): Promise<void> {
    'use server';
  };
  return [inner, arrow, expression];
}
export class Service {
  async method(): Promise<void> {
    'use server';
  }
}
`,
      'src/in-module.ts': `'use server';
export async function action(): Promise<void> {
  'use server';
}
`,
    },
  },
];

describe('directives (golden files under tests/golden/analysis/directives; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expectAnalysisGolden('directives', c));
});
