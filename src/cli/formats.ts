/** The output formats every query and export command accepts. */
export type Format = 'table' | 'json' | 'ndjson' | 'csv';
export const FORMATS: Format[] = ['table', 'json', 'ndjson', 'csv'];

/** An event's own format: `hub add-event --format online` (the values never clash with output formats). */
export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'];

export const isFormat = (value: string): value is Format => (FORMATS as string[]).includes(value);
