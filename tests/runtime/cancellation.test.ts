import { jest } from '@jest/globals';
import { signal, type ErrorReport } from '../../runtime/server/index.js';
import { route, serveRoutes, type InProcessServer } from './in-process-server.js';

/** signal(): the call's AbortSignal aborts when the client goes away, and the router logs a cancelled call, not an error. */
describe('signal() and a client that goes away', () => {
  let server: InProcessServer;
  const reports: ErrorReport[] = [];
  const seen: Array<{ aborted: boolean; reason: string; afterMs: number }> = [];
  let started = 0;

  /** Waits for the abort (or 5 s), records what it saw, then throws the reason as an action honouring its signal does. */
  async function waitsForItsSignal(): Promise<string> {
    const own = signal();
    expect(signal()).toBe(own);
    started = Date.now();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      own.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    seen.push({ aborted: own.aborted, reason: own.reason instanceof DOMException ? own.reason.name : String(own.reason), afterMs: Date.now() - started });
    own.throwIfAborted();
    return 'finished';
  }

  beforeAll(async () => {
    server = await serveRoutes([route('slow', false, waitsForItsSignal), route('quick', false, () => (signal().aborted ? 'aborted' : 'live'))], {
      onError: jest.fn((_error: unknown, report: ErrorReport) => void reports.push(report)),
    });
  });
  afterAll(() => server.close());

  it('aborts the signal when the client aborts its request, and settles the call as 499 without an error report', async () => {
    const controller = new AbortController();
    const settled = server.nextSettled();
    const arrived = server.nextArrival();
    const call = fetch(server.url('/actions/slow'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: controller.signal });
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect((await settled).status).toBe(499);
    expect(seen).toEqual([{ aborted: true, reason: 'AbortError', afterMs: expect.any(Number) }]);
    expect(seen[0]?.afterMs).toBeLessThan(2000);
    expect(reports).toEqual([]);
  });

  it('leaves the signal alone while the client waits for the answer', async () => {
    const response = await fetch(server.url('/actions/quick'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('live');
  });

  it('is an error outside an action call', () => {
    expect(() => signal()).toThrow(/signal\(\) .* work only while an action is handling a request/);
  });
});
