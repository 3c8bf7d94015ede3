import { expectAnalysisGolden, type AnalysisCase } from '../helpers/analysis-golden.js';

/** Routes and module ids: what the model records per module, and the modules that cannot have routes. */
const cases: AnalysisCase[] = [
  {
    name: 'routes',
    plugin: { basePath: '/api/v1/', title: 'Routes' },
    sources: {
      'src/app/users.ts': `'use server';\nexport async function list(): Promise<string[]> {\n  return [];\n}\n`,
      'src/app/user-admin.mts': `'use server';\nexport async function ban(id: number): Promise<void> {}\n`,
      'src/plain.ts': `export async function notAnAction(): Promise<void> {}\n`,
    },
  },
  {
    name: 'duplicate-routes',
    sources: {
      'src/same.ts': `'use server';\nexport async function twice(): Promise<number> {\n  return 1;\n}\nexport async function once(): Promise<number> {\n  return 1;\n}\n`,
      'src/same.mts': `'use server';\nexport async function twice(): Promise<string> {\n  return '';\n}\n`,
    },
  },
  {
    name: 'reserved-module-ids',
    sources: {
      'src/index.ts': `'use server';\nexport async function a(): Promise<void> {}\n`,
      'src/_types.ts': `'use server';\nexport async function b(): Promise<void> {}\n`,
      'src/nested/index.ts': `'use server';\nexport async function c(): Promise<void> {}\n`,
    },
  },
  {
    name: 'outside-root',
    sources: {
      'src/inside.ts': `'use server';\nexport async function inside(): Promise<void> {}\n`,
      'lib/outside.ts': `'use server';\nexport async function outside(): Promise<void> {}\n`,
    },
    typeErrors: [/is not under 'rootDir'/],
  },
  {
    name: 'generated-files-skipped',
    sources: {
      'src/actions.ts': `'use server';\nexport async function kept(): Promise<void> {}\n`,
      'src/generated/stale.ts': `'use server';\nexport function notChecked() {}\n`,
    },
  },
];

describe('modules and routes (golden files under tests/golden/analysis/modules; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expectAnalysisGolden('modules', c));
});
