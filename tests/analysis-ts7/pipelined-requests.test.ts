import { join } from 'node:path';
import type * as Sync from 'typescript-7/unstable/sync';
import { RequestPipeline, type PrefetchTask } from '../../transformer/analysis-ts7/pipelined-requests.js';
import { loadTypeScript7 } from '../../transformer/analysis-ts7/typescript-7-modules.js';
import { repoRoot } from '../helpers/paths.js';

const tsconfig = join(repoRoot, 'tests', 'fixtures', 'types', 'tsconfig.json');

/** Each export of each project file with the text of its type and of its call signatures' return types. */
function exportTasks(project: Sync.Project, into: Map<string, string>): PrefetchTask[] {
  const { checker } = project;
  const files = project.program.getSourceFileNames().filter((name) => name.includes('/fixtures/types/src/') && !name.includes('/generated/'));
  return files.map((name) => () => {
    const moduleSymbol = checker.getSymbolAtLocation(project.program.getSourceFile(name)!);
    if (!moduleSymbol) return [];
    return checker.getExportsOfModule(moduleSymbol).map((symbol) => () => {
      const type = checker.getTypeOfSymbol(symbol);
      if (!type) return [];
      const returns = checker.getSignaturesOfType(type, 0).map((signature) => checker.typeToString(checker.getReturnTypeOfSignature(signature)!));
      into.set(`${name}#${symbol.name}`, `${checker.typeToString(type)} → ${returns.join(' | ')}`);
      return [];
    });
  });
}

describe('RequestPipeline (many requests to TypeScript 7 in one write)', () => {
  let api: Sync.API;
  let project: Sync.Project;
  /** requests sent one at a time through the API's channel */
  let oneAtATime = 0;

  beforeAll(async () => {
    const { sync } = await loadTypeScript7(repoRoot, 'typescript-7');
    api = new sync.API({ cwd: repoRoot });
    project = api.updateSnapshot({ openProjects: [tsconfig] }).getProject(tsconfig)!;
    const channel = (api as unknown as { client: { channel: { requestSync(method: string, payload: string): string } } }).client.channel;
    const requestSync = channel.requestSync.bind(channel);
    channel.requestSync = (method, payload) => (oneAtATime++, requestSync(method, payload));
  });
  afterAll(() => api.close());

  it('gives the tasks the answers one request at a time gives, without a request at a time', () => {
    const pipeline = RequestPipeline.of(api);
    const pipelined = new Map<string, string>();
    const tasks = exportTasks(project, pipelined);
    oneAtATime = 0;
    pipeline.run(tasks);
    expect(oneAtATime).toBe(0);
    expect(pipelined.size).toBeGreaterThan(20);

    const sequential = new Map<string, string>();
    const pending = exportTasks(project, sequential);
    while (pending.length > 0) pending.push(...pending.shift()!());
    expect(oneAtATime).toBeGreaterThan(0);
    expect(pipelined).toEqual(sequential);
  });

  it('drops a task that fails and completes the others', () => {
    const pipeline = RequestPipeline.of(api);
    const answers = new Map<string, string>();
    const failing: PrefetchTask = () => {
      throw new Error('a bug in a task');
    };
    pipeline.run([failing, ...exportTasks(project, answers)]);
    expect(answers.size).toBeGreaterThan(20);
  });

  it('runs the tasks one request at a time on a client without the channel it knows', () => {
    const ran: string[] = [];
    const pipeline = RequestPipeline.of({ client: { apiRequest: () => undefined } } as unknown as Sync.API);
    pipeline.run([
      () => {
        ran.push('first');
        return [() => (ran.push('follows first'), [])];
      },
      () => {
        throw new Error('dropped');
      },
    ]);
    expect(ran).toEqual(['first', 'follows first']);
  });
});
