import { analyzeFixture, fixtureProgram, typeErrors } from '../helpers/analysis-program.js';
import { expectGoldenJson } from '../helpers/golden-json.js';

// Two 'use server' modules that import nothing from each other: the checker creates their literal types, the
// keys of Omit<…> among them, in the order the program lists the files.
const tickets = `'use server';
export interface Ticket { id: number; title: string; owner: string; status: 'open' | 'closed' | 'archived' }
export async function editTicket(ticket: Omit<Ticket, 'id'>, priority: 'low' | 'high' | 2 | 1 | boolean): Promise<Ticket['status'] | null> {
  return null;
}
`;
const archive = `'use server';
interface Archived { status: 'archived' | 'closed'; title: string; owner: string; id: number }
export async function archiveTicket(field: 'status' | 'owner' | 'title', level: 1 | 2 | 'high' | 'low' | boolean): Promise<'archived' | 'closed'> {
  return field === 'status' && level === 1 ? 'closed' : 'archived';
}
export async function renameTicket(change: Omit<Archived, 'owner'>): Promise<void> {}
`;

function analyzeInOrder(paths: readonly string[]): unknown {
  const sources: Record<string, string> = { 'src/tickets.ts': tickets, 'src/archive.ts': archive };
  const fixture = fixtureProgram('analysis-source-order', Object.fromEntries(paths.map((path) => [path, sources[path]])));
  // the checker creates its types in the order it checks the files
  expect(typeErrors(fixture)).toEqual([]);
  return analyzeFixture(fixture);
}

test('union members and properties come in the order of the source, whatever the order of the files', () => {
  const forwards = analyzeInOrder(['src/tickets.ts', 'src/archive.ts']);
  const backwards = analyzeInOrder(['src/archive.ts', 'src/tickets.ts']);
  expect(backwards).toEqual(forwards);
  expectGoldenJson('analysis/order/two-file-orders', forwards);
});
