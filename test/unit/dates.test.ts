import { describe, expect, it } from 'vitest';
import { endsBeforeStart, explainBadDate, parsePartialDate } from '../../src/core/dates.js';

describe('partial dates', () => {
  it('parse years, months and days into ranges of days', () => {
    expect(parsePartialDate('2020')).toMatchObject({ precision: 'year', first: '2020-01-01', last: '2020-12-31' });
    expect(parsePartialDate(2020)).toMatchObject({ text: '2020', precision: 'year' });
    expect(parsePartialDate('2024-02')).toMatchObject({ precision: 'month', first: '2024-02-01', last: '2024-02-29' });
    expect(parsePartialDate('2024-04-12')).toMatchObject({ precision: 'day', first: '2024-04-12', last: '2024-04-12' });
  });

  it('refuse dates that are not on the calendar', () => {
    expect(parsePartialDate('2023-02-29')).toBeUndefined();
    expect(parsePartialDate('2024-02-29')).toBeDefined();
    expect(parsePartialDate('1900-02-29')).toBeUndefined();
    expect(parsePartialDate('2000-02-29')).toBeDefined();
    expect(parsePartialDate('2024-13')).toBeUndefined();
    expect(parsePartialDate('24-01-01')).toBeUndefined();
    expect(parsePartialDate(20.5)).toBeUndefined();
  });

  it('explain why a date-shaped value is not a date', () => {
    expect(explainBadDate('2023-02-29')).toBe('February 2023 has 28 days');
    expect(explainBadDate('2024-13-01')).toBe('there is no month 13');
    expect(explainBadDate('2024-04-12')).toBeUndefined();
  });

  it('compare partial dates by the days they can mean', () => {
    const start = parsePartialDate('2024-04-12')!;
    expect(endsBeforeStart(start, parsePartialDate('2024-04')!)).toBe(false);
    expect(endsBeforeStart(start, parsePartialDate('2024-04-11')!)).toBe(true);
    expect(endsBeforeStart(parsePartialDate('2024')!, parsePartialDate('2024-01-01')!)).toBe(false);
    expect(endsBeforeStart(parsePartialDate('2024')!, parsePartialDate('2023-12')!)).toBe(true);
  });
});
