import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { listOrganizations } from '../../src/core/query/counts.js';
import { listEvents } from '../../src/core/query/events.js';
import { findOrganization, findPerson } from '../../src/core/query/lookup.js';
import { searchArchive } from '../../src/core/query/search.js';
import { listSpeakers } from '../../src/core/query/speakers.js';
import { syncIndex } from '../../src/db/sync.js';
import { copyBundledArchive } from '../helpers/archive.js';

/*
 * Every filter is meant to be an indexed look-up, not a scan of the events or appearances.
 * These tests run each query with its filter, ask SQLite for the plan of every statement
 * it ran (EXPLAIN QUERY PLAN, with the same parameters) and check the index it uses.
 */

const { db } = await syncIndex(copyBundledArchive());
afterAll(() => db.close());

/** Runs `work` and returns the plan lines of each statement it executed. */
function plansOf(work: () => unknown): string[] {
  const plans: string[] = [];
  const prepare = db.prepare.bind(db);
  const spy = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['all', 'get', 'iterate'] as const) {
      const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>;
        plans.push(rows.map((r) => r.detail).join('\n'));
        return run(...args);
      };
    }
    return statement;
  }) as Database['prepare'];
  db.prepare = spy;
  try {
    work();
  } finally {
    db.prepare = prepare;
  }
  return plans;
}

const scans = (plan: string) => plan.split('\n').filter((line) => /^SCAN (e|a|events|appearances)\b/.test(line));

describe('query plans', () => {
  it.each([
    ['--speaker', () => listEvents(db, { speaker: 'alikhan-baimenov' }), 'appearances_person'],
    ['--org', () => listEvents(db, { org: 'aspa' }), 'event_organizations_org'],
    ['--country', () => listEvents(db, { country: 'KZ' }), 'event_participation'],
    ['--host-country', () => listEvents(db, { hostCountry: 'KZ' }), 'events_country'],
    ['--topic', () => listEvents(db, { topic: 'hrm' }), 'event_topics_topic'],
    ['--type', () => listEvents(db, { type: 'webinar' }), 'events_type'],
    ['--series', () => listEvents(db, { series: ['ASPA Annual Conference'] }), 'events_series'],
    ['--year', () => listEvents(db, { year: 2024 }), 'events_year'],
  ])('hub events %s searches an index', (_, work, index) => {
    const plans = plansOf(work);
    expect(plans[0]).toContain(index);
    for (const plan of plans) expect(scans(plan), plan).toEqual([]);
  });

  it.each([
    ['--country', () => listSpeakers(db, { country: 'KZ' }), 'appearances_represents'],
    ['--role', () => listSpeakers(db, { role: 'panelist' }), 'appearances_role'],
    ['--topic', () => listSpeakers(db, { topic: 'hrm' }), 'event_topics_topic'],
    ['--org', () => listSpeakers(db, { org: { id: 'oecd', names: ['OECD'] } }), 'appearances_organization'],
    ['--event', () => listSpeakers(db, { event: '2024-04-12-aspa-annual-conference' }), 'events_part_of'],
  ])('hub speakers %s searches an index', (_, work, index) => {
    const plans = plansOf(work);
    expect(plans[0]).toContain(index);
    for (const plan of plans) expect(scans(plan), plan).toEqual([]);
  });

  it('hub speakers groups each person\'s appearances off an index in date order, then looks up their first and last', () => {
    for (const filters of [{}, { country: 'KZ' }]) {
      const [plan] = plansOf(() => listSpeakers(db, filters));
      expect(plan).toMatch(/COVERING INDEX appearances_(person|represents)/);
      // The distinct events need a set; the appearances are never grouped by sorting.
      expect(plan).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
      // Each person's first and last appearance: one search on (person, day) each, then by primary key.
      expect(plan).toMatch(/SEARCH a USING COVERING INDEX appearances_(person|represents) \((represents=\? AND )?person_id=\? AND event_start=\?\)/);
      expect(plan).toContain('SEARCH l USING PRIMARY KEY (event_key=? AND seq=?)');
      // Ties on the day go by event id: only the appearances of one person on one day are
      // sorted, each event's id looked up by its integer key.
      expect(plan!.match(/USE TEMP B-TREE FOR ORDER BY/g)).toHaveLength(2);
      expect(plan!.match(/SEARCH events USING INTEGER PRIMARY KEY/g)).toHaveLength(2);
    }
    // With a filter, only the matching entries are read.
    for (const plan of plansOf(() => listSpeakers(db, { country: 'KZ' }))) expect(scans(plan), plan).toEqual([]);
  });

  it('hub speakers works out filters through other tables once, not again for each person', () => {
    for (const filters of [{ topic: 'hrm' }, { year: 2024 }, { event: '2024-04-12-aspa-annual-conference' }, { org: { id: 'oecd', names: ['OECD'] } }]) {
      const [plan] = plansOf(() => listSpeakers(db, filters));
      // The filters' lists are built while the matching set is; each person's first and last
      // appearance is then a search of that set, with no list built again.
      const perPerson = plan!.slice(plan!.indexOf('SCAN g'));
      // Two look-ups a person, each with the event ids that break ties on the day.
      expect(perPerson.match(/CORRELATED SCALAR SUBQUERY/g), plan).toHaveLength(4);
      expect(perPerson.match(/SEARCH events USING INTEGER PRIMARY KEY/g), plan).toHaveLength(2);
      expect(perPerson.match(/SEARCH m USING AUTOMATIC COVERING INDEX \(person_id=\? AND event_start=\?\)/g), plan).toHaveLength(2);
      expect(perPerson, plan).not.toMatch(/LIST SUBQUERY|event_topics|events_year|events_part_of/);
      expect(plan).toContain('MATERIALIZE matching');
    }
  });

  it('hub orgs counts speakers off the index of appearances by organisation and person', () => {
    const plans = plansOf(() => listOrganizations(db));
    const speakers = plans.find((p) => p.includes('appearances_organization') && !p.includes('COMPOUND'));
    expect(speakers).toContain('COVERING INDEX appearances_organization');
    expect(speakers).not.toContain('TEMP B-TREE');
  });

  it('looks people and organisations up by key', () => {
    const plans = [...plansOf(() => findPerson(db, 'Mr. Baimenov')), ...plansOf(() => findOrganization(db, 'ASPA'))];
    expect(plans.join('\n')).toContain('SEARCH n USING PRIMARY KEY (key=?)');
    for (const plan of plans) expect(plan).not.toMatch(/^SCAN/m);
  });

  it('hub search goes through the full-text index and looks events up by key', () => {
    const [plan] = plansOf(() => searchArchive(db, 'trust', { country: 'KZ' }));
    expect(plan).toMatch(/SCAN search VIRTUAL TABLE INDEX/);
    expect(plan).toContain('SEARCH e USING INTEGER PRIMARY KEY (rowid=?)');
    expect(scans(plan!)).toEqual([]);
  });
});
