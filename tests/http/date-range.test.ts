import fc from 'fast-check';
import type { TypeNode } from '../../model/model.js';
import { isDateTime } from '../../runtime/shared/date-time.js';
import { compiledFunctions, identityAction, issueList, modelWith } from '../helpers/compiled-functions.js';
import { startHardened } from '../helpers/hardened-servers.js';
import { rawRequest } from '../helpers/raw-http.js';
import type { ServerProcess } from '../helpers/server-process.js';

/**
 * One rule for the dates a call may send and an answer may carry: an RFC 3339 date-time whose instant, in
 * UTC, falls in the years 0000–9999. Whatever input is accepted comes back out, never as a 500.
 */
const SEED = process.env.ACTIONWIRE_FUZZ_SEED !== undefined ? { seed: Number(process.env.ACTIONWIRE_FUZZ_SEED) } : process.env.ACTIONWIRE_FUZZ_RUNS !== undefined ? {} : { seed: 20261206 };

const two = (n: number): string => String(n).padStart(2, '0');
/** Date-times near the ends of the range, with every kind of offset. */
const dateTimes = fc
  .record({
    year: fc.oneof(fc.constantFrom(0, 1, 9998, 9999), fc.integer({ min: 0, max: 9999 })),
    month: fc.oneof(fc.constantFrom(1, 12), fc.integer({ min: 1, max: 12 })),
    day: fc.oneof(fc.constantFrom(1, 31), fc.integer({ min: 1, max: 28 })),
    hour: fc.oneof(fc.constantFrom(0, 23), fc.integer({ min: 0, max: 23 })),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.constantFrom('', '.5', '.999', '.999999999'),
    offset: fc.oneof(fc.constantFrom('Z', 'z', '+00:00', '-00:00'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`)),
  })
  .map((d) => `${String(d.year).padStart(4, '0')}-${two(d.month)}-${two(d.day)}T${two(d.hour)}:${two(d.minute)}:${two(d.second)}${d.fraction}${d.offset}`);

const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** Should this date-time be accepted: a day its month has (Date.parse would roll over), at an instant in range? */
function acceptable(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const time = Date.parse(text);
  return probe.getUTCDate() === day && time >= EARLIEST && time <= LATEST;
}

describe('the range of dates', () => {
  it('refuses on input exactly the instants outside 0000–9999 (UTC) that output could not write', () => {
    expect(isDateTime('9999-12-31T23:59:59-01:00')).toBe(false);
    expect(isDateTime('0000-01-01T00:00:00+00:01')).toBe(false);
    expect(isDateTime('9999-12-31T22:59:59-01:00')).toBe(true);
    expect(isDateTime('0000-01-01T00:00:00-00:01')).toBe(true);
    const date: TypeNode = { kind: 'date' };
    const { decode, encode } = compiledFunctions(modelWith([identityAction(date)]), identityAction(date));
    fc.assert(
      fc.property(dateTimes, (text) => {
        const issues = issueList();
        const [value] = decode({ value: text }, issues);
        expect({ text, accepted: issues.count === 0 }).toEqual({ text, accepted: acceptable(text) });
        if (issues.count === 0) expect(encode?.(value)).toBe(JSON.stringify(new Date(Date.parse(text)).toISOString()));
      }),
      { numRuns: 2000, ...SEED },
    );
  });

  describe('through a route', () => {
    let server: ServerProcess;
    beforeAll(async () => {
      server = await startHardened();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('gives back every date it accepts (never a 500), and refuses the others with 400', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(dateTimes, fc.constantFrom('9999-12-31T23:59:59-01:00', '0000-01-01T00:30:00+01:00', '9999-12-31T23:59:59.999Z')), async (at) => {
          const response = await rawRequest(`${server.url}actions/hostile/sameDate`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
          const expected = acceptable(at) ? { status: 200, body: JSON.stringify(new Date(Date.parse(at)).toISOString()) } : { status: 400, body: expect.stringContaining('/at') };
          expect({ at, status: response.status, body: response.text }).toEqual({ at, ...expected });
        }),
        { numRuns: 80, ...SEED },
      );
    });
  });
});
