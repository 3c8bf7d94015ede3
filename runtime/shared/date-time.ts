/**
 * RFC 3339 date-times (the `date-time` format of JSON Schema, what `Date#toISOString` writes) that name
 * a real instant: `2021-02-31` and `T24:00:00` are refused instead of rolling over as `Date.parse` does.
 * Leap seconds (`23:59:60`) are refused too: a JavaScript Date cannot hold one; and so are instants outside
 * the years 0000–9999 in UTC (`inDateRange`).
 * Shared by the server's validators and the client's reviver, so both sides agree on what a date is.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The first and last instants RFC 3339 can write in UTC (four-digit years: 0000 to 9999), as `Date#toISOString` does. */
const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Is this instant (ms since the epoch) one a date-time can carry? The one range rule of input and output:
 * an offset that moves a date past it (`9999-12-31T23:59:59-01:00`) is refused on input, so that whatever
 * is accepted can be written back.
 */
export function inDateRange(time: number): boolean {
  return time >= EARLIEST && time <= LATEST;
}

export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (match[7] !== undefined && (Number(match[8]) > 23 || Number(match[9]) > 59)) return false;
  return inDateRange(Date.parse(value));
}
