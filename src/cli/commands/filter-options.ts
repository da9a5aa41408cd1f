import { parseDateFilter, parseYearFilter } from '../../core/query/filters.js';
import type { DateFilters } from '../../core/query/scope.js';
import { UsageError } from '../../core/errors.js';

/** The date options every query command shares, as typed. */
export interface DateOptions {
  year?: string;
  from?: string;
  to?: string;
}

export function parseDateOptions(options: DateOptions): DateFilters {
  return {
    ...(options.year !== undefined && { year: parseYearFilter(options.year) }),
    ...(options.from !== undefined && { from: parseDateFilter('--from', options.from).first }),
    ...(options.to !== undefined && { to: parseDateFilter('--to', options.to).last }),
  };
}

export function parseLimit(input: string): number {
  const text = input.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--limit takes a whole number of rows such as 10, not \`${input}\``);
  return Number(text);
}
