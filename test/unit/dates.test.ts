import { describe, expect, it } from 'vitest';
import { checkDateAnswer } from '../../src/cli/prompts/ask.js';
import { endsBeforeStart, explainBadDate, parsePartialDate, suggestDate } from '../../src/core/dates.js';

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

  it('read dates written as people write them into the archive form, for a hint', () => {
    const cases: Array<[unknown, string | undefined]> = [
      ['12 April 2024', '2024-04-12'],
      ['1st of May 2024', '2024-05-01'],
      ['April 12, 2024', '2024-04-12'],
      ['Sept. 3, 2024', '2024-09-03'],
      ['April 2024', '2024-04'],
      ['Apr 2024', '2024-04'],
      ['12.04.2024', '2024-04-12'],
      ['2024/04/12', '2024-04-12'],
      ['2024-4-2', '2024-04-02'],
      ['2024-5', '2024-05'],
      [20240412, '2024-04-12'],
      ['20240412', '2024-04-12'],
      ['2024-05-01T10:00', '2024-05-01'],
      ['2024-05-01 10:00:00', '2024-05-01'],
      ['25/04/2024', '2024-04-25'],
      ['04/25/2024', '2024-04-25'],
      ['12 апреля 2024 года', '2024-04-12'],
      ['апрель 2024', '2024-04'],
      ['12 мая 2024 г.', '2024-05-12'],
      ['март 2020', '2020-03'],
      // Two readings, no reading, not on the calendar, or already right: no hint.
      ['04/05/2024', undefined],
      ['Ma 2024', undefined],
      ['Mayday 2024', undefined],
      ['31.02.2024', undefined],
      ['2024-04-12', undefined],
      ['spring 2024', undefined],
      [42, undefined],
      [20241341, undefined],
      [2024, undefined],
    ];
    for (const [written, expected] of cases) expect([written, suggestDate(written)]).toEqual([written, expected]);
  });

  it('the date prompt says how to write an answer it cannot take', () => {
    expect(checkDateAnswer('2025-06-10')).toBe(true);
    expect(checkDateAnswer('10 June 2025')).toBe('not a date: write it as 2025-06-10');
    expect(checkDateAnswer('next June')).toBe('not a date: write a date as 2025-03-14, 2025-03 or 2025');
    expect(checkDateAnswer('2025-02-30')).toBe('February 2025 has 28 days: write a date as 2025-03-14, 2025-03 or 2025');
    expect(checkDateAnswer('2025-06-09', '2025-06-10')).toBe('it cannot be before the start, 2025-06-10');
  });
});
