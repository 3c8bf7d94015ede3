import { RevivalPlanner } from '../../model/revival.js';
import { isDateTime } from '../../runtime/shared/date-time.js';
import { revive, type RevivalPlan } from '../../runtime/client/revive.js';

describe('client revival of dates', () => {
  it.each([
    '2024-02-29T12:00:00Z',
    '2024-05-06T07:08:09.123Z',
    '2024-05-06t07:08:09z',
    '2024-05-06T07:08:09+02:00',
    '2024-05-06T07:08:09.123456789-05:30',
  ])('turns the RFC 3339 date-time %s into the same instant', (text) => {
    const revived = revive(text, 'd');
    expect(revived).toBeInstanceOf(Date);
    expect((revived as Date).getTime()).toBe(Date.parse(text));
  });

  it.each([
    '1',
    '2021',
    'May 6, 2024',
    '2024-05-06',
    '2024-05-06 07:08:09Z',
    '2021-02-31T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-05-06T24:00:00Z',
    '2016-12-31T23:59:60Z',
    '2024-05-06T07:08:09',
    'Mon, 06 May 2024 07:08:09 GMT',
    '',
  ])('leaves %j a string, as the server would refuse it as a date', (text) => {
    expect(isDateTime(text)).toBe(false);
    expect(revive(text, 'd')).toBe(text);
  });

  it('keeps the strings of a `string | Date` result that are not date-times, and revives those that are', () => {
    const plan = new RevivalPlanner([]).plan({ kind: 'array', items: { kind: 'union', members: [{ kind: 'string' }, { kind: 'date' }] } });
    expect(plan).toEqual<RevivalPlan>(['a', 'd']);
    const values = ['1', 'hello', '2021-02-31T00:00:00Z', '2024-05-06T07:08:09.000Z'];
    expect(revive([...values], plan ?? 0)).toEqual(['1', 'hello', '2021-02-31T00:00:00Z', new Date('2024-05-06T07:08:09.000Z')]);
  });

  it('leaves values that are not strings alone', () => {
    expect(revive(1, 'd')).toBe(1);
    expect(revive(null, 'd')).toBeNull();
  });
});
