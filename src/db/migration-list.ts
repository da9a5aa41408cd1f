import { REPRESENTS_SQL } from './derived-sql.js';
import { INITIAL_SQL } from './migration-sql/001-initial.js';
import { INTEGER_EVENT_KEYS_SQL } from './migration-sql/007-integer-event-keys.js';

/**
 * Named migrations, applied in order and recorded in `migrations`. The index is derived, so
 * an index whose history this program does not know (made by a newer hub) is rebuilt
 * rather than migrated.
 */
export interface Migration {
  name: string;
  sql: string;
  /**
   * The index's rows must be derived again (how names are keyed changed, say): an index
   * that predates it is thrown away and built from the YAML files, which are the truth.
   */
  rebuild?: boolean;
}

export const MIGRATIONS: Migration[] = [
  {
    name: '001-initial',
    sql: INITIAL_SQL,
  },
  {
    // What the queries need. `represents` is the country a speaker stood for (the entry's,
    // else the person's registry country); `event_participation` says which countries took
    // part in which event (bits: 1 hosted, 2 listed as represented, 4 sent a speaker), so
    // `hub countries` and `--country` filters count from one table instead of a union.
    // Quote documents lose the event title, so a title word finds the event once, not once
    // per quote. `meta` keeps the fingerprint of the files as last indexed. The country
    // indexes the speaker queries used before `represents` existed go.
    name: '002-participation',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
ALTER TABLE appearances ADD COLUMN represents TEXT;
UPDATE appearances SET represents = ${REPRESENTS_SQL};
CREATE INDEX appearances_represents ON appearances(represents, person_id);
DROP INDEX IF EXISTS appearances_country;
DROP INDEX IF EXISTS people_country;
CREATE TABLE event_participation (
  country TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  how INTEGER NOT NULL,
  PRIMARY KEY (country, event_id)
) WITHOUT ROWID;
CREATE INDEX event_participation_event ON event_participation(event_id);
INSERT INTO event_participation (country, event_id, how)
SELECT country, event_id, SUM(DISTINCT bit) FROM (
  SELECT country, id AS event_id, 1 AS bit FROM events WHERE country IS NOT NULL
  UNION ALL SELECT country, event_id, 2 FROM event_countries
  UNION ALL SELECT represents, event_id, 4 FROM appearances WHERE represents IS NOT NULL
) GROUP BY country, event_id;
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_series ON events(series);
CREATE INDEX IF NOT EXISTS appearances_role ON appearances(role);
CREATE INDEX IF NOT EXISTS people_organization ON people(organization);
DROP VIEW speakers_by_country;
CREATE VIEW speakers_by_country AS
SELECT represents AS country, COUNT(DISTINCT person_id) AS speakers, COUNT(DISTINCT event_id) AS events, COUNT(*) AS appearances
FROM appearances WHERE represents IS NOT NULL GROUP BY represents;
UPDATE search_docs SET title = '' WHERE kind = 'quote';
INSERT INTO search(search) VALUES ('rebuild');
`,
  },
  {
    // Names are now compared after replacing Cyrillic and Greek look-alikes in words that mix
    // them with Latin letters ("Viсtor" is "Victor"): every name key and unregistered id changes.
    name: '003-confusable-name-keys',
    sql: '',
    rebuild: true,
  },
  {
    // For queries over the whole archive. `event_start` copies the event's first possible day
    // (as yyyymmdd) into its appearances: with the primary key every secondary index carries,
    // an index on (person_id, event_start) lists each person's appearances in date order, so
    // \`hub speakers\` reads first and last appearances off one index instead of joining every
    // row to its event. `speakers` and `topics` (a JSON array) on events are facts of the
    // event's own file, kept with it, so listing events needs no per-event look-ups. With the
    // person in the organisation index, each organisation's speakers are counted off it. Every
    // query counts the files left out of the index: a partial index makes that a look-up.
    name: '004-query-columns',
    sql: `
ALTER TABLE appearances ADD COLUMN event_start INTEGER;
UPDATE appearances SET event_start = (SELECT CAST(replace(e.start_first, '-', '') AS INTEGER) FROM events e WHERE e.id = appearances.event_id);
DROP INDEX appearances_person;
CREATE INDEX appearances_person ON appearances(person_id, event_start);
DROP INDEX appearances_represents;
CREATE INDEX appearances_represents ON appearances(represents, person_id, event_start);
DROP INDEX appearances_organization;
CREATE INDEX appearances_organization ON appearances(organization_id, person_id);
ALTER TABLE events ADD COLUMN speakers INTEGER NOT NULL DEFAULT 0;
UPDATE events SET speakers = (SELECT COUNT(*) FROM appearances a WHERE a.event_id = events.id);
ALTER TABLE events ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';
UPDATE events SET topics = (SELECT json_group_array(topic) FROM (SELECT topic FROM event_topics t WHERE t.event_id = events.id ORDER BY t.seq));
CREATE INDEX files_not_indexed ON files(indexed) WHERE indexed = 0;
`,
  },
  {
    // Participation keyed by event first: a full build writes each event's rows as it writes
    // the event, appending in key order, instead of grouping every event's rows at the end
    // (about 125 ms of a 10,000-event build on one core). Country look-ups and counts read
    // the (country, how) index, which holds the event id too.
    name: '005-participation-by-event',
    sql: `
CREATE TABLE event_participation_by_event (
  country TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  how INTEGER NOT NULL,
  PRIMARY KEY (event_id, country)
) WITHOUT ROWID;
INSERT INTO event_participation_by_event (country, event_id, how) SELECT country, event_id, how FROM event_participation;
DROP TABLE event_participation;
ALTER TABLE event_participation_by_event RENAME TO event_participation;
CREATE INDEX event_participation_country ON event_participation(country, how);
`,
  },
  {
    // Since 002 every country filter and count reads event_participation; event_countries is
    // read by event only, through its key. Its country index had no reader left and cost about
    // 22 ms of every full build.
    name: '006-drop-unread-country-index',
    sql: 'DROP INDEX IF EXISTS event_countries_country;',
  },
  {
    // Rows that belong to an event refer to it by an integer key instead of its text id (47
    // bytes on average in the benchmark): every such row, and every index over one (each
    // carries its table's key), held the id again. The 10k index went from 67 to 37 MB, and
    // its full build from 1870 to 1630 ms (median of 11 alternating runs in a noisy spell),
    // mostly in the secondary indexes built at the end and in memory traffic. The view
    // `event_speakers` gives each appearance with its event's id, title and start.
    name: '007-integer-event-keys',
    rebuild: true,
    sql: INTEGER_EVENT_KEYS_SQL,
  },
];
