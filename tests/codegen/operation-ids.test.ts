import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationId } from '../../codegen/naming.js';
import { tspc, writeProject } from '../helpers/project.js';
import { redoclyLint } from '../helpers/redocly.js';

const RUNS = Number(process.env.ACTIONWIRE_FUZZ_RUNS ?? 300);
const SEED = process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261206 };

/** Few characters, most of them ones a naive mapping folds together, so that random names collide often. */
const NAME_CHARACTERS = ['a', 'b', 'A', '1', '_', '.', '-', '$', ' ', 'ü', 'ß', '😀', '%', '?', '#'];
const name = fc.array(fc.constantFrom(...NAME_CHARACTERS), { minLength: 1, maxLength: 4 }).map((characters) => characters.join(''));
/** A route as the analysis makes one: a module path, `/`-separated, then an export name or an inline action's dotted path. */
const route = fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.array(name, { minLength: 1, maxLength: 2 })).map(([modulePath, exportPath]) => `${modulePath.join('/')}/${exportPath.join('.')}`);

describe('operationId(route)', () => {
  it('gives distinct routes distinct operation ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(route, { minLength: 2, maxLength: 40 }), (routes) => {
        expect(new Set(routes.map(operationId)).size).toBe(routes.length);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('keeps a route of letters and digits readable: its slashes become underscores', () => {
    expect(operationId('app/users/createUser')).toBe('app_users_createUser');
    expect(operationId('v2/Items/list3')).toBe('v2_Items_list3');
  });

  it('tells apart the routes the issue found folded together', () => {
    expect(operationId('a/b/c_d')).not.toBe(operationId('a/b/c/d'));
    expect(operationId('m/f.g')).not.toBe(operationId('m/f_g'));
  });
});

describe('a project whose actions a character-folding mapping gave one operation id', () => {
  let specPath: string;
  let compiled: { status: number; output: string };
  beforeAll(() => {
    const action = (body: string): string => `  'use server';\n  return ${JSON.stringify(body)};\n`;
    const dir = writeProject('operation-ids', {
      // a/b.ts exporting c_d and a/b/c.ts exporting d: both were a_b_c_d
      'src/a/b.ts': `'use server';\nexport async function c_d(): Promise<string> {\n  return 'a/b c_d';\n}\n`,
      'src/a/b/c.ts': `'use server';\nexport async function d(): Promise<string> {\n  return 'a/b/c d';\n}\n`,
      // an inline f.g (returned by the action f) and an export f_g of the same module: both were m_f_g
      'src/m.ts': `'use server';\nexport async function f_g(): Promise<string> {\n  return 'f_g';\n}\nexport async function f(): Promise<() => Promise<string>> {\n  return async function g(): Promise<string> {\n${action('f.g')}  };\n}\n`,
    });
    compiled = tspc(dir);
    specPath = join(dir, 'src', 'generated', 'openapi.json');
  });

  it('compiles', () => {
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('gives each action its own operation id', () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, { post: { operationId: string } }> };
    expect(Object.keys(spec.paths).sort()).toEqual(['/actions/a/b/c/d', '/actions/a/b/c_d', '/actions/m/f', '/actions/m/f.g', '/actions/m/f_g']);
    const ids = Object.values(spec.paths).map((path) => path.post.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('passes @redocly/cli lint (operation-operationId-unique among its rules)', () => {
    const result = redoclyLint(specPath);
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.status).toBe(0);
  });
});
