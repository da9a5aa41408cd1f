/**
 * Partial dates: YYYY, YYYY-MM or YYYY-MM-DD. A partial date stands for a range of days, so
 * comparisons use its first and last day: "2024-04" is not before "2024-04-12".
 */
export interface PartialDate {
  /** As written, normalised to a string ("2020" for an unquoted 2020). */
  text: string;
  precision: 'year' | 'month' | 'day';
  year: number;
  /** First day it can mean, YYYY-MM-DD. */
  first: string;
  /** Last day it can mean, YYYY-MM-DD. */
  last: string;
}

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date; undefined when it is not one (wrong shape or not on the calendar). */
export function parsePartialDate(value: unknown): PartialDate | undefined {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = SHAPE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1000) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (match[2] === undefined) {
    return { text, precision: 'year', year, first: `${text}-01-01`, last: `${text}-12-31` };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { text, precision: 'month', year, first: `${text}-01`, last: `${text}-${pad(lastDay)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) return undefined;
  return { text, precision: 'day', year, first: text, last: text };
}

/** Why a string that looks like a date is not one, in words; undefined when it is fine or not date-shaped. */
export function explainBadDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = SHAPE.exec(value);
  if (!match || match[2] === undefined) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `there is no month ${match[2]}`;
  if (match[3] === undefined) return undefined;
  const day = Number(match[3]);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    return `${name} ${year} has ${lastDay} days`;
  }
  return undefined;
}

/** True when `end` certainly lies before `start` (its last possible day precedes start's first). */
export function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  return end.last < start.first;
}
