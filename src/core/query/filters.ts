import { isCountryCode, resolveCountry, suggestCountries } from '../countries.js';
import { parsePartialDate, suggestDate } from '../dates.js';
import { NotFoundError, UsageError } from '../errors.js';

/** A country filter as typed (code or name in English, Russian, ...) to its alpha-2 code. */
const COUNTRY_HINT = 'give an ISO 3166 code such as KZ, or a country name in English or Russian';

export function parseCountryFilter(input: string, option = '--country'): string {
  if (input.trim() === '') throw new UsageError(`${option} needs a code or a name`, COUNTRY_HINT);
  const code = resolveCountry(input);
  if (code && isCountryCode(code)) return code;
  throw new NotFoundError(`unknown country \`${input}\``, suggestCountries(input), COUNTRY_HINT);
}

export function parseYearFilter(input: string): number {
  if (!/^\d{4}$/.test(input.trim())) throw new UsageError(`--year takes a four-digit year such as 2024, not \`${input}\``);
  return Number(input.trim());
}

/** --from / --to: a partial date; `--from 2023-03` starts on its first day, `--to 2023-03` ends on its last. */
export function parseDateFilter(option: string, input: string): { first: string; last: string } {
  const date = parsePartialDate(input.trim());
  if (!date) {
    const written = suggestDate(input);
    throw new UsageError(`${option} takes a date like 2024-04-12, 2024-04 or 2024, not \`${input}\``, written ? `write ${option} ${written}` : undefined);
  }
  return { first: date.first, last: date.last };
}
