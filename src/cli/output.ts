import type { ChalkInstance } from 'chalk';
import type { Format } from './formats.js';

/*
 * The one renderer every command uses: aligned tables for people, JSON, NDJSON and CSV for
 * programs. Rows are plain objects; columns say which keys a table or CSV shows and in
 * what order (JSON keeps every key).
 */
export type { Format } from './formats.js';

export interface Column {
  key: string;
  header?: string;
  align?: 'left' | 'right';
  /** May be shortened with … to fit the terminal. */
  shrink?: boolean;
  /** May be left out on a narrow terminal; higher numbers go first. */
  drop?: number;
  /** Below this width (or its content's) the column reads badly, and a droppable one goes instead. */
  minWidth?: number;
  /** Colours a table cell once it is fitted, so truncation never cuts an escape sequence. */
  style?: (text: string) => string;
}

/** A shrinkable column narrower than this (or its content) reads badly: drop a column instead. */
const COMFORTABLE_WIDTH = 16;

export interface RenderOptions {
  colors: ChalkInstance;
  /** Terminal width; tables are fitted to it when given. */
  width?: number | undefined;
  /** CSV for spreadsheets: a byte-order mark and CRLF line ends. */
  excel?: boolean;
  /** CSV field separator: `,` unless a locale's spreadsheets expect `;` or a tab. */
  delimiter?: string;
}

const MULTI_SEPARATOR = '; ';

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(MULTI_SEPARATOR);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A CSV cell: list items joined with `; `, each with `\` and `;` escaped by a backslash, so
 * a `; ` in the cell always separates two items (`R\; D; Training` is "R; D" and "Training").
 */
export function csvCell(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => cellText(item).replace(/[\\;]/g, (c) => `\\${c}`)).join(MULTI_SEPARATOR);
  return cellText(value);
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Renders rows; the CSV and table libraries load only when those formats are asked for. */
export async function render(rows: object[], columns: Column[], format: Format, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`;
    case 'ndjson':
      return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    case 'csv': {
      const { stringify } = await import('csv-stringify/sync');
      return renderCsv(stringify, rows, columns, options);
    }
    case 'table': {
      const { default: stringWidth } = await import('string-width');
      return renderTable(stringWidth, rows, columns, options);
    }
  }
}

type Stringify = typeof import('csv-stringify/sync').stringify;
type StringWidth = (text: string) => number;

function renderCsv(stringify: Stringify, rows: object[], columns: Column[], options: RenderOptions): string {
  const excel = options.excel ?? false;
  const records = rows.map((row) => columns.map((c) => neutraliseFormula(csvCell((row as Record<string, unknown>)[c.key]))));
  const header = columns.map((c) => neutraliseFormula(c.header ?? c.key));
  const text = stringify([header, ...records], { delimiter: options.delimiter ?? ',', record_delimiter: excel ? '\r\n' : '\n', quoted_match: /^\s|\s$/ });
  return excel ? `\ufeff${text}` : text;
}

function truncate(stringWidth: StringWidth, text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function renderTable(stringWidth: StringWidth, rows: object[], columns: Column[], options: RenderOptions): string {
  const gap = 2;
  // A droppable column with nothing in it only takes room.
  let shown = columns.filter((c) => c.drop === undefined || rows.some((row) => cellText((row as Record<string, unknown>)[c.key]) !== ''));
  for (;;) {
    const cells = rows.map((row) => shown.map((c) => cellText((row as Record<string, unknown>)[c.key]).replace(/\s*\n\s*/g, ' ')));
    const headers = shown.map((c) => (c.header ?? c.key).toUpperCase());
    const natural = shown.map((_, i) => Math.max(stringWidth(headers[i]!), ...cells.map((r) => stringWidth(r[i]!))));
    const widths = [...natural];
    if (options.width !== undefined) fitWidths(stringWidth, widths, shown, headers, options.width - gap * (shown.length - 1));
    const cramped = widths.some((w, i) => shown[i]!.shrink && w < Math.min(natural[i]!, shown[i]!.minWidth ?? COMFORTABLE_WIDTH));
    const droppable = shown.filter((c) => c.drop !== undefined);
    if (cramped && droppable.length > 0) {
      const victim = droppable.reduce((a, b) => (b.drop! > a.drop! ? b : a));
      shown = shown.filter((c) => c !== victim);
      continue;
    }
    const pad = (text: string, i: number) => {
      const fitted = truncate(stringWidth, text, widths[i]!);
      const space = ' '.repeat(Math.max(0, widths[i]! - stringWidth(fitted)));
      const styled = shown[i]!.style?.(fitted) ?? fitted;
      return shown[i]!.align === 'right' ? space + styled : styled + space;
    };
    const line = (values: string[]) => values.map(pad).join(' '.repeat(gap)).trimEnd();
    return [options.colors.bold(line(headers)), ...cells.map(line)].join('\n') + '\n';
  }
}

/** Narrows the shrinkable columns, widest first, until the table fits. */
function fitWidths(stringWidth: StringWidth, widths: number[], columns: Column[], headers: string[], available: number): void {
  const total = () => widths.reduce((a, b) => a + b, 0);
  while (total() > available) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      const floor = Math.max(8, stringWidth(headers[i]!));
      if (columns[i]!.shrink && widths[i]! > floor && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest === -1) return;
    widths[widest]!--;
  }
}
