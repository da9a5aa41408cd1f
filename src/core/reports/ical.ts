import { createRequire } from 'node:module';
import { countryName } from '../countries.js';
import { parsePartialDate } from '../dates.js';
import type { AppearanceExportRow, EventExportRow } from './rows.js';

export interface CalendarResult {
  text: string;
  /** Events left out because their date is known only to the month or year: a calendar needs a day. */
  skipped: Array<{ id: string; start: string }>;
}

/** The host part of every UID: an event's UID is its id here, stable across exports and edits. */
const UID_DOMAIN = 'events.hub.astana-civil-service-hub';

const DAY_MS = 86_400_000;

function utcDay(text: string): Date | undefined {
  const date = parsePartialDate(text);
  if (!date || date.precision !== 'day') return undefined;
  return new Date(`${date.first}T00:00:00Z`);
}

/**
 * An iCalendar (RFC 5545) file of the events: all-day entries whose DTEND is the day after
 * the last day (the standard's exclusive end), the speakers in the description, the place as
 * the location. Written by ical-generator, which folds lines and escapes text.
 */
export function eventsToIcal(events: EventExportRow[], appearances: AppearanceExportRow[], options: { name?: string; now?: Date } = {}): CalendarResult {
  const ical = createRequire(import.meta.url)('ical-generator') as typeof import('ical-generator');
  const calendar = ical.default({ name: options.name ?? 'ACSH events', prodId: { company: 'Astana Civil Service Hub', product: 'hub', language: 'EN' } });
  const speakersOf = new Map<string, AppearanceExportRow[]>();
  for (const a of appearances) {
    const list = speakersOf.get(a.event);
    if (list) list.push(a);
    else speakersOf.set(a.event, [a]);
  }
  const skipped: CalendarResult['skipped'] = [];
  for (const event of events) {
    const start = utcDay(event.start);
    if (!start) {
      skipped.push({ id: event.id, start: event.start });
      continue;
    }
    const last = (event.end && utcDay(event.end)) || start;
    const speakers = (speakersOf.get(event.id) ?? []).map((a) =>
      [`${a.honorific ? `${a.honorific} ` : ''}${a.name}`, a.role, a.position, a.organization_name ?? a.organization, a.country].filter(Boolean).join(', '),
    );
    const description = [
      `${event.type}${event.format ? `, ${event.format}` : ''}`,
      ...(speakers.length > 0 ? ['', 'Speakers:', ...speakers.map((s) => `- ${s}`)] : []),
      ...(event.topics.length > 0 ? ['', `Topics: ${event.topics.join(', ')}`] : []),
    ].join('\n');
    const place = [event.venue, event.city, event.country ? (countryName(event.country) ?? event.country) : null].filter(Boolean).join(', ');
    const url = event.sources.find((s) => /^https?:\/\//.test(s));
    calendar.createEvent({
      id: `${event.id}@${UID_DOMAIN}`,
      start,
      end: new Date(last.getTime() + DAY_MS),
      allDay: true,
      summary: event.title,
      description,
      ...(place ? { location: place } : {}),
      ...(url ? { url } : {}),
      ...(options.now ? { stamp: options.now } : {}),
    });
  }
  return { text: calendar.toString(), skipped };
}
