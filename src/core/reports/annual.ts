import type { Database } from 'better-sqlite3';
import { listCountries, listOrganizations, listTopics, type CountryCount, type OrganizationCount, type TopicCount } from '../query/counts.js';
import { appearanceRows, eventRows, selectEventIds, speakerRows, type AppearanceExportRow, type EventExportRow, type SpeakerExportRow } from './rows.js';

/*
 * The figures of the annual review, computed once and shared by summary.md and report.html,
 * so the page and the Markdown can never disagree.
 */

export interface Tally {
  key: string;
  count: number;
}

export interface AnnualFigures {
  year: number;
  events: EventExportRow[];
  appearances: AppearanceExportRow[];
  speakers: SpeakerExportRow[];
  byType: Tally[];
  byFormat: Tally[];
  /** Events starting in each month, January first; events dated only to the year are `undatedMonth`. */
  byMonth: number[];
  undatedMonth: number;
  participants: {
    total: number;
    /** Events that give a number, and how many of those numbers are approximate ("over 250"). */
    counted: number;
    approximate: number;
    notCounted: number;
  };
  countries: CountryCount[];
  topics: TopicCount[];
  organizations: OrganizationCount[];
  newSpeakers: number;
  returningSpeakers: number;
}

function tally(values: Array<string | null>, missing = 'not recorded'): Tally[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value ?? missing, (counts.get(value ?? missing) ?? 0) + 1);
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

export function annualFigures(db: Database, year: number): AnnualFigures {
  const ids = selectEventIds(db, { year });
  const events = eventRows(db, ids);
  const appearances = appearanceRows(db, ids);
  const speakers = speakerRows(db, ids, appearances);
  const byMonth = Array<number>(12).fill(0);
  let undatedMonth = 0;
  for (const event of events) {
    const month = /^\d{4}-(\d{2})/.exec(event.start)?.[1];
    if (month) byMonth[Number(month) - 1]!++;
    else undatedMonth++;
  }
  const counted = events.filter((e) => e.participants !== null);
  return {
    year,
    events,
    appearances,
    speakers,
    byType: tally(events.map((e) => e.type)),
    byFormat: tally(events.map((e) => e.format)),
    byMonth,
    undatedMonth,
    participants: {
      total: counted.reduce((sum, e) => sum + (e.participants ?? 0), 0),
      counted: counted.length,
      approximate: counted.filter((e) => e.participants_approximate).length,
      notCounted: events.length - counted.length,
    },
    countries: listCountries(db, { year }),
    topics: listTopics(db, { year }),
    organizations: listOrganizations(db, { year }),
    newSpeakers: speakers.filter((s) => s.status === 'new').length,
    returningSpeakers: speakers.filter((s) => s.status === 'returning').length,
  };
}

/** The headline numbers, by name: what `--compare` sets side by side. */
export function headline(f: AnnualFigures): Array<{ label: string; value: number | null }> {
  return [
    { label: 'Events', value: f.events.length },
    // No count at all is unknown, not zero.
    { label: 'Participants (where counted)', value: f.participants.counted > 0 ? f.participants.total : null },
    { label: 'Countries taking part', value: f.countries.length },
    { label: 'Speakers', value: f.speakers.length },
    { label: 'New speakers', value: f.newSpeakers },
    { label: 'Returning speakers', value: f.returningSpeakers },
    { label: 'Topics', value: f.topics.length },
    { label: 'Organisations involved', value: f.organizations.length },
  ];
}

/** "+2", "−1", "±0": the change from the other year, as a reader expects it. */
export function formatChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const change = now - before;
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '±0';
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
