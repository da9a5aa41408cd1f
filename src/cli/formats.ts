/** The output formats every query and export command accepts. */
export type Format = 'table' | 'json' | 'ndjson' | 'csv';
export const FORMATS: Format[] = ['table', 'json', 'ndjson', 'csv'];

export const isFormat = (value: string): value is Format => (FORMATS as string[]).includes(value);
