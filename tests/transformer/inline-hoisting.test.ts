import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGoldenText } from '../helpers/golden-json.js';
import { run, tspc, writeProject } from '../helpers/project.js';

/** Every form an inline action can take, captures from several scopes, nesting, and declarations used before they are written. */
const page = `import { save } from '../store.js';

export interface Post { id: string; title: string; at: Date }

export default async function PostPage(params: { id: string }, version: bigint) {
  const post: Post = { id: params.id, title: 'first', at: new Date(0) };
  return { post, updatePost, tools };

  async function updatePost(formData: FormData): Promise<void> {
    'use server';
    await save(params.id, String(formData.get('title')), version);
  }
}

const tools = {
  async rename(title: string): Promise<string> {
    'use server';
    return title.toUpperCase();
  },
};

export async function makeCounter(start: number) {
  const label = { text: 'count', tags: new Map([['a', 1]]) };
  const step = async (by: number): Promise<string> => {
    'use server';
    const inner = async (): Promise<string> => {
      'use server';
      return label.text;
    };
    return \`\${await inner()} \${start + by}\`;
  };
  const second = async function (): Promise<number> {
    'use server';
    return start;
  };
  const third = async function (by: number = start): Promise<number> {
    'use server';
    return by + 1;
  };
  const pair = [
    async (): Promise<number> => {
      'use server';
      return 1;
    },
    async (): Promise<number> => {
      'use server';
      return 2;
    },
  ] as const;
  async function countdown(n: number): Promise<number> {
    'use server';
    return n <= 0 ? start : countdown(n - 1);
  }
  return { step, second, third, pair, countdown };
}

export async function standalone(): Promise<number> {
  'use server';
  return 1;
}

export const perItem: Array<() => Promise<number>> = [];
for (const n of [1, 2]) {
  const scaled = async (): Promise<number> => {
    'use server';
    return n * 10;
  };
  perItem.push(scaled);
}
`;

const store = `export async function save(id: string, title: string, version: bigint): Promise<void> {
  void id; void title; void version;
}
`;

/** A default export that is itself an inline action, anonymous, in an ordinary module. */
const anonymousDefault = `export default async function (): Promise<number> {
  'use server';
  return 7;
}
`;

function compile(name: string, compilerOptions: Record<string, unknown>, packageType: 'module' | 'commonjs'): string {
  const dir = writeProject(name, { 'src/posts/page.ts': page, 'src/store.ts': store, 'src/anonymous.ts': anonymousDefault }, { compilerOptions });
  run(['-e', `const fs = require('fs'); const p = JSON.parse(fs.readFileSync('package.json', 'utf8')); p.type = '${packageType}'; fs.writeFileSync('package.json', JSON.stringify(p));`], dir);
  const result = tspc(dir);
  if (result.status !== 0) throw new Error(result.output);
  return dir;
}

describe('hoisting inline actions (golden files under tests/golden/hoisting; UPDATE_GOLDEN=1 rewrites them)', () => {
  const esm = compile('hoisting-esm', {}, 'module');
  const cjs = compile('hoisting-cjs', {}, 'commonjs');

  it('emits ES modules with each inline action hoisted and bound where it was', () => {
    expectGoldenText('hoisting/esm-page.js', readFileSync(join(esm, 'dist/posts/page.js'), 'utf8'));
  });

  it('emits CommonJS with the hoisted functions exported', () => {
    expectGoldenText('hoisting/cjs-page.js', readFileSync(join(cjs, 'dist/posts/page.js'), 'utf8'));
  });

  it('lists every hoisted action in routes.ts by its export name', () => {
    const routes = readFileSync(join(esm, 'src/generated/routes.ts'), 'utf8');
    const fetched = [...routes.matchAll(/\{"module":\d+,"name":"([^"]+)","moduleId":"posts\/page","inline":true\}/g)].map((match) => match[1]);
    expect(fetched).toEqual([
      '__actionwire$PostPage$updatePost',
      '__actionwire$rename',
      '__actionwire$makeCounter$step',
      '__actionwire$makeCounter$step$inner',
      '__actionwire$makeCounter$second',
      '__actionwire$makeCounter$third',
      '__actionwire$makeCounter$action',
      '__actionwire$makeCounter$action$2',
      '__actionwire$makeCounter$countdown',
      '__actionwire$standalone',
      '__actionwire$scaled',
    ]);
  });

  it('names routes after the enclosing functions; two anonymous ones in one function get distinct routes', () => {
    const openapi = JSON.parse(readFileSync(join(esm, 'src/generated/openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths).sort()).toEqual(
      [
        'posts/page/PostPage.updatePost',
        'posts/page/rename',
        'posts/page/makeCounter.step.inner',
        'posts/page/makeCounter.step',
        'posts/page/makeCounter.second',
        'posts/page/makeCounter.third',
        'posts/page/makeCounter.action',
        'posts/page/makeCounter.action.2',
        'posts/page/makeCounter.countdown',
        'posts/page/standalone',
        'posts/page/scaled',
        'anonymous/default',
      ]
        .map((route) => `/actions/${route}`)
        .sort(),
    );
  });

  it('keeps routes when unrelated code around them changes', () => {
    const edited = page.replace('export default async function PostPage', 'export function helper(): number {\n  return 2;\n}\n\nexport default async function PostPage').replace("title: 'first'", "title: 'changed'");
    const dir = writeProject('hoisting-edited', { 'src/posts/page.ts': edited, 'src/store.ts': store, 'src/anonymous.ts': anonymousDefault });
    expect(tspc(dir).status).toBe(0);
    const before = JSON.parse(readFileSync(join(esm, 'src/generated/openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
    const after = JSON.parse(readFileSync(join(dir, 'src/generated/openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
    expect(Object.keys(after.paths)).toEqual(Object.keys(before.paths));
  });

  it('binds an anonymous default export in its place (export default bindAction(…)), in both module formats', () => {
    expect(readFileSync(join(esm, 'dist/anonymous.js'), 'utf8')).toContain('export default __actionwire_server.bindAction(__actionwire$default, "anonymous/default", {});');
    expect(readFileSync(join(cjs, 'dist/anonymous.js'), 'utf8')).toContain('exports.default = __actionwire_server.bindAction(__actionwire$default, "anonymous/default", {});');
    expect(run(['-e', `import('./dist/anonymous.js').then(async (m) => console.log(await m.default()))`], esm).output.trim()).toBe('7');
  });

  it('runs: the hoisted module loads and a bound action calls its hoisted function with the current captured values (a module-level loop variable too)', () => {
    const script = `import('./dist/posts/page.js').then(async (m) => {
      const counter = await m.makeCounter(40);
      console.log(await counter.step(2), await counter.second(), await counter.pair[1](), await counter.third(), await counter.countdown(3), typeof m.__actionwire$makeCounter$step, await m.perItem[0](), await m.perItem[1]());
    })`;
    const result = run(['-e', script], esm);
    expect(result.output.trim()).toBe('count 42 40 2 41 40 function 10 20');
  });
});
