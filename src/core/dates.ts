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

/*
 * Dates as people write them in articles and notes, read back into the archive's form for a
 * hint: "12 April 2024", "April 2024", "12.04.2024" (day first, as written in Kazakhstan and
 * Russia), "2024-05-01T10:00", 20240412. A form that could mean two dates ("04/05/2024") gets none.
 */
const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Russian month names change their endings ("апрель", "12 апреля"): matched by stem.
const RUSSIAN_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма[йя]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'].map((stem) => new RegExp(`^${stem}[а-яё]*$`, 'u'));

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length >= 3) {
    const english = ENGLISH_MONTHS.findIndex((name) => name.startsWith(lower));
    if (english >= 0) return english + 1;
  }
  const russian = RUSSIAN_MONTHS.findIndex((month) => month.test(lower));
  return russian >= 0 ? russian + 1 : undefined;
}

type DateParts = [year: string, month?: string | number, day?: string];

const WORD = '(\\p{L}+\\.?)';
const DATE_FORMS: Array<[RegExp, (m: RegExpExecArray) => DateParts | undefined]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/u, (m) => [m[1]!, m[2], m[3]]],
  [/^(\d{4})-(\d{1,2})$/u, (m) => [m[1]!, m[2]]],
  [/^(\d{4})(\d{2})(\d{2})$/u, (m) => [m[1]!, m[2], m[3]]],
  [/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/u, (m) => [m[1]!, m[2], m[3]]],
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u, (m) => [m[3]!, m[2], m[1]]],
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u, (m) => (Number(m[1]) > 12 ? [m[3]!, m[2], m[1]] : Number(m[2]) > 12 ? [m[3]!, m[1], m[2]] : undefined)],
  [new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${WORD},? (\\d{4})(?: г\\.?| года)?$`, 'iu'), (m) => monthOf(m[2]!, m[3]!, m[1])],
  [new RegExp(`^${WORD} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})$`, 'iu'), (m) => monthOf(m[1]!, m[3]!, m[2])],
  [new RegExp(`^${WORD},? (\\d{4})(?: г\\.?| года)?$`, 'iu'), (m) => monthOf(m[1]!, m[2]!)],
];

function monthOf(word: string, year: string, day?: string): DateParts | undefined {
  const month = monthNumber(word);
  return month === undefined ? undefined : [year, month, day];
}

/** The archive's form of a date written another way ("12 April 2024" → "2024-04-12"); undefined when there is no one reading. */
export function suggestDate(value: unknown): string | undefined {
  // An unquoted 20240412 reaches here as a number.
  if (typeof value !== 'string' && !Number.isInteger(value)) return undefined;
  const text = String(value).trim().replace(/\s+/gu, ' ');
  for (const [form, read] of DATE_FORMS) {
    const match = form.exec(text);
    const parts = match ? read(match) : undefined;
    if (!parts) continue;
    const [year, month, day] = parts;
    const pad = (n: string | number) => String(n).padStart(2, '0');
    const written = [year, month, day].filter((part) => part !== undefined).map((part, i) => (i === 0 ? String(part) : pad(part!)));
    const candidate = written.join('-');
    return candidate !== String(value) && parsePartialDate(candidate) ? candidate : undefined;
  }
  return undefined;
}
