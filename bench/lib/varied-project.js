import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeEntryPointsAndConfigs } from './synthetic-project.js';

const ACTIONS_PER_FILE = 10;

/** The types one file declares and uses: unions, utility types, generics, Map, Record, Set, dates, a discriminated union. */
function fileTypes(prefix) {
  return `
export type ${prefix}Status = 'draft' | 'open' | 'closed' | 'archived';
export interface ${prefix}Item {
  id: string;
  title: string;
  status: ${prefix}Status;
  tags: string[];
  createdAt: Date;
  note?: string;
  owner: { id: string; name: string; email?: string };
}
export interface ${prefix}Page<T> {
  items: T[];
  total: number;
  next?: string;
}
export type ${prefix}Event =
  | { kind: 'created'; at: Date; by: string }
  | { kind: 'moved'; from: ${prefix}Status; to: ${prefix}Status }
  | { kind: 'deleted'; reason?: string };
`;
}

/** Action `index` of a file: each of the ten shapes of input and output once per file. */
function actionSource(prefix, index) {
  const shapes = [
    [`input: Omit<${prefix}Item, 'id' | 'createdAt'>`, `${prefix}Item`],
    [`id: string, patch: Partial<Pick<${prefix}Item, 'title' | 'status' | 'note'>>`, `${prefix}Item | undefined`],
    [`cursor?: string, limit?: number`, `${prefix}Page<${prefix}Item>`],
    [`ids: string[]`, `Map<string, number>`],
    [`status: ${prefix}Status`, `Record<'daily' | 'weekly' | 'monthly', number>`],
    [`id: string`, `${prefix}Event[]`],
    [`since: Date, until?: Date | null`, `Array<{ at: Date; count: number }>`],
    [`event: ${prefix}Event`, `{ accepted: boolean; status: ${prefix}Status }`],
    [`tags: ReadonlySet<string>`, `Set<string>`],
    [`filter: Partial<${prefix}Item> & { text?: string }`, `${prefix}Page<Pick<${prefix}Item, 'id' | 'title'>>`],
  ];
  const [parameters, result] = shapes[index % shapes.length];
  return `
/** Varied action ${index} of ${prefix}. */
export async function action${index}(${parameters}): Promise<${result}> {
  throw new Error('not called by the bench');
}
`;
}

/**
 * Writes a project of `actions` varied actions, ten per `'use server'` file (issue 21's measure), with two
 * tsconfigs over the same sources: `tsconfig.tsc.json` (plain tsc, a Koa entry point) and `tsconfig.generate.json`
 * (the README's tsconfig with the plugin entry, for `actionwire generate` and then tsc, with the generated
 * routes in a Koa entry point). `typescript`: the TypeScript package the project installs (linked into its
 * node_modules), so that `actionwire generate` runs on it.
 */
export function writeVariedProject(directory, actions, typescript) {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(join(directory, 'src'), { recursive: true });
  mkdirSync(join(directory, 'node_modules'), { recursive: true });
  symlinkSync(typescript, join(directory, 'node_modules', 'typescript'), 'dir');
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ name: `varied-${actions}`, private: true, type: 'module' }) + '\n');
  const files = Math.ceil(actions / ACTIONS_PER_FILE);
  for (let file = 0; file < files; file++) {
    const prefix = `M${file}`;
    const count = Math.min(ACTIONS_PER_FILE, actions - file * ACTIONS_PER_FILE);
    writeFileSync(join(directory, 'src', `types${file}.ts`), fileTypes(prefix));
    const imports = `import type { ${prefix}Event, ${prefix}Item, ${prefix}Page, ${prefix}Status } from './types${file}.js';\n`;
    const body = Array.from({ length: count }, (_, index) => actionSource(prefix, index)).join('');
    writeFileSync(join(directory, 'src', `module${file}.ts`), `'use server';\n${imports}${body}`);
  }
  writeEntryPointsAndConfigs(directory, 'generate');
  return { files };
}
