import { UsageError } from '../../core/errors.js';
import { DATE_ONLY_KINDS, EXPORT_FIELDS, EXPORT_KINDS, exportRows, type ExportKind } from '../../core/reports/export.js';
import type { Context } from '../context.js';
import type { Format } from '../formats.js';
import { render } from '../output.js';
import { withSyncedIndex } from '../synced-index.js';
import { flagOf, parseEventOptions, resolveEventOptions, type EventOptions } from './filter-options.js';

export interface ExportOptions extends EventOptions {
  columns?: string;
}

/** `hub export KIND`: every row of a kind for the events chosen, as CSV (default), JSON, NDJSON or iCalendar. */
export async function runExport(ctx: Context, kindInput: string, options: ExportOptions): Promise<number> {
  const kind = EXPORT_KINDS.find((k) => k === kindInput);
  if (!kind) throw new UsageError(`\`${kindInput}\` is not something to export: use one of ${EXPORT_KINDS.join(', ')}`);
  const asked = ctx.options.format;
  const ics = asked === 'ics';
  if (ics && kind !== 'events') throw new UsageError('--format ics is for `hub export events` only: a calendar holds events');
  // Anything else that is not an output format gets the usual message.
  const output: Format | undefined = ics ? undefined : ctx.requestedFormat();
  // An export is for files and programs: CSV unless asked for otherwise (a table only when asked).
  const format = ics ? 'ics' : (output ?? 'csv');
  if (DATE_ONLY_KINDS.has(kind)) {
    const extra = (['country', 'hostCountry', 'type', 'topic', 'series', 'speaker', 'org'] as const).filter((k) => options[k] !== undefined);
    if (extra.length > 0) throw new UsageError(`\`hub export ${kind}\` counts over a period: only --year, --from and --to apply (not ${flagOf(extra[0]!)})`);
  }
  const columns = chooseColumns(kind, options.columns);
  const filters = parseEventOptions(options);
  await withSyncedIndex(ctx, async (db) => {
    resolveEventOptions(db, options, filters);
    const rows = exportRows(db, kind, filters);
    if (format === 'ics') {
      const { eventsToIcal } = await import('../../core/reports/ical.js');
      const { appearanceRows } = await import('../../core/reports/rows.js');
      const events = rows as Parameters<typeof eventsToIcal>[0];
      const calendar = eventsToIcal(events, appearanceRows(db, events.map((e) => e.id)));
      if (calendar.skipped.length > 0) {
        const shown = calendar.skipped.slice(0, 5).map((s) => `${s.id} (${s.start})`).join(', ');
        ctx.warn(`${calendar.skipped.length} event${calendar.skipped.length === 1 ? ' is' : 's are'} left out of the calendar, dated only to the month or year: ${shown}${calendar.skipped.length > 5 ? ', …' : ''}`);
      }
      ctx.writeData(calendar.text);
      ctx.info(`${events.length - calendar.skipped.length} event${events.length - calendar.skipped.length === 1 ? '' : 's'} in the calendar`);
      return;
    }
    if (rows.length === 0) ctx.info(`nothing to export: no ${kind} in the events that match`);
    const projected = format === 'csv' || format === 'table' ? rows : rows.map((row) => Object.fromEntries(columns.map((c) => [c, (row as Record<string, unknown>)[c]])));
    ctx.writeData(await render(projected, columns.map((key) => ({ key })), format, ctx.renderOptions(format === 'table' ? ctx.io.stdout.columns : undefined)));
  });
  return 0;
}

function chooseColumns(kind: ExportKind, input: string | undefined): string[] {
  const all = EXPORT_FIELDS[kind];
  if (input === undefined) return all;
  const chosen = input.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = chosen.filter((c) => !all.includes(c));
  if (unknown.length > 0) throw new UsageError(`\`hub export ${kind}\` has no column ${unknown.map((c) => `\`${c}\``).join(', ')}: choose from ${all.join(', ')}`);
  if (chosen.length === 0) throw new UsageError('--columns needs at least one column name');
  return chosen;
}
