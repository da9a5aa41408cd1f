import { REPRESENTS_SQL } from './derived-sql.js';

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
    sql: `
CREATE TABLE files (
  path TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT,
  indexed INTEGER NOT NULL,
  problems INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  title TEXT NOT NULL,
  type TEXT NOT NULL,
  start TEXT NOT NULL,
  start_first TEXT NOT NULL,
  start_last TEXT NOT NULL,
  end TEXT,
  end_last TEXT,
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  format TEXT,
  venue TEXT,
  city TEXT,
  country TEXT,
  part_of TEXT,
  series TEXT,
  theme TEXT,
  participants INTEGER,
  countries_count INTEGER,
  attendance_approximate INTEGER,
  summary TEXT,
  notes TEXT
);
CREATE INDEX events_file ON events(file);
CREATE INDEX events_start ON events(start_first);
CREATE INDEX events_year ON events(year);
CREATE INDEX events_part_of ON events(part_of);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  file TEXT,
  name TEXT NOT NULL,
  honorific TEXT,
  country TEXT,
  organization TEXT,
  position TEXT,
  registered INTEGER NOT NULL,
  record TEXT
);
CREATE TABLE person_names (
  key TEXT NOT NULL,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  is_alias INTEGER NOT NULL,
  PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_names_person ON person_names(person_id);

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  file TEXT,
  name TEXT NOT NULL,
  acronym TEXT,
  country TEXT,
  kind TEXT,
  registered INTEGER NOT NULL,
  record TEXT
);
CREATE TABLE organization_names (
  key TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (key, organization_id)
) WITHOUT ROWID;
CREATE INDEX organization_names_org ON organization_names(organization_id);

CREATE TABLE appearances (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  person_ref TEXT,
  name TEXT,
  honorific TEXT,
  position TEXT,
  organization TEXT,
  organization_id TEXT,
  country TEXT,
  role TEXT,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;
CREATE INDEX appearances_person ON appearances(person_id);
CREATE INDEX appearances_country ON appearances(country, person_id);
CREATE INDEX appearances_organization ON appearances(organization_id);

CREATE TABLE event_topics (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  topic TEXT NOT NULL,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;
CREATE INDEX event_topics_topic ON event_topics(topic);

CREATE TABLE event_countries (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  country TEXT NOT NULL,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;
CREATE INDEX event_countries_country ON event_countries(country);

CREATE TABLE event_organizations (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  relation TEXT NOT NULL,
  seq INTEGER NOT NULL,
  organization TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  PRIMARY KEY (event_id, relation, seq)
) WITHOUT ROWID;
CREATE INDEX event_organizations_org ON event_organizations(organization_id);

CREATE TABLE quotes (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  person_id TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_person ON quotes(person_id);

CREATE TABLE presentations (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  speaker TEXT,
  person_id TEXT,
  organization TEXT,
  organization_id TEXT,
  country TEXT,
  url TEXT,
  file TEXT,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;

CREATE TABLE sources (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;

CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX search_docs_event ON search_docs(event_id);
CREATE VIRTUAL TABLE search USING fts5(
  title, body,
  content='search_docs', content_rowid='rowid',
  tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
  INSERT INTO search(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  INSERT INTO search(search, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;

CREATE VIEW event_summary AS
SELECT e.id, e.title, e.type, e.start, e.end, e.format, e.city, e.country, e.series, e.part_of,
       e.participants, e.attendance_approximate AS participants_approximate,
       (SELECT COUNT(*) FROM appearances a WHERE a.event_id = e.id) AS speakers,
       (SELECT group_concat(topic, '; ') FROM (SELECT topic FROM event_topics t WHERE t.event_id = e.id ORDER BY t.seq)) AS topics,
       (SELECT group_concat(country, '; ') FROM (SELECT country FROM event_countries c WHERE c.event_id = e.id ORDER BY c.seq)) AS countries
FROM events e;

CREATE VIEW speakers_by_country AS
SELECT COALESCE(a.country, p.country) AS country,
       COUNT(DISTINCT a.person_id) AS speakers,
       COUNT(DISTINCT a.event_id) AS events,
       COUNT(*) AS appearances
FROM appearances a LEFT JOIN people p ON p.id = a.person_id
GROUP BY COALESCE(a.country, p.country);
`,
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
    sql: `
DROP VIEW event_summary;
DROP VIEW speakers_by_country;
DROP TABLE appearances;
DROP TABLE event_topics;
DROP TABLE event_countries;
DROP TABLE event_organizations;
DROP TABLE quotes;
DROP TABLE presentations;
DROP TABLE sources;
DROP TABLE search_docs;
DROP TABLE event_participation;
DROP TABLE events;
CREATE TABLE events (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  title TEXT NOT NULL,
  type TEXT NOT NULL,
  start TEXT NOT NULL,
  start_first TEXT NOT NULL,
  start_last TEXT NOT NULL,
  end TEXT,
  end_last TEXT,
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  format TEXT,
  venue TEXT,
  city TEXT,
  country TEXT,
  part_of TEXT,
  series TEXT,
  theme TEXT,
  participants INTEGER,
  countries_count INTEGER,
  attendance_approximate INTEGER,
  summary TEXT,
  notes TEXT,
  speakers INTEGER NOT NULL DEFAULT 0,
  topics TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_file ON events(file);
CREATE INDEX events_start ON events(start_first);
CREATE INDEX events_year ON events(year);
CREATE INDEX events_part_of ON events(part_of);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_series ON events(series);

CREATE TABLE appearances (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  person_ref TEXT,
  name TEXT,
  honorific TEXT,
  position TEXT,
  organization TEXT,
  organization_id TEXT,
  country TEXT,
  role TEXT,
  represents TEXT,
  event_start INTEGER,
  PRIMARY KEY (event_key, seq)
) WITHOUT ROWID;
CREATE INDEX appearances_person ON appearances(person_id, event_start);
CREATE INDEX appearances_represents ON appearances(represents, person_id, event_start);
CREATE INDEX appearances_organization ON appearances(organization_id, person_id);
CREATE INDEX appearances_role ON appearances(role);

CREATE TABLE event_topics (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  topic TEXT NOT NULL,
  PRIMARY KEY (event_key, seq)
) WITHOUT ROWID;
CREATE INDEX event_topics_topic ON event_topics(topic);

CREATE TABLE event_countries (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  country TEXT NOT NULL,
  PRIMARY KEY (event_key, seq)
) WITHOUT ROWID;

CREATE TABLE event_organizations (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  relation TEXT NOT NULL,
  seq INTEGER NOT NULL,
  organization TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  PRIMARY KEY (event_key, relation, seq)
) WITHOUT ROWID;
CREATE INDEX event_organizations_org ON event_organizations(organization_id);

CREATE TABLE quotes (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  person_id TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (event_key, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_person ON quotes(person_id);

CREATE TABLE presentations (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  speaker TEXT,
  person_id TEXT,
  organization TEXT,
  organization_id TEXT,
  country TEXT,
  url TEXT,
  file TEXT,
  PRIMARY KEY (event_key, seq)
) WITHOUT ROWID;

CREATE TABLE sources (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,
  PRIMARY KEY (event_key, seq)
) WITHOUT ROWID;

CREATE TABLE event_participation (
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  country TEXT NOT NULL,
  how INTEGER NOT NULL,
  PRIMARY KEY (event_key, country)
) WITHOUT ROWID;
CREATE INDEX event_participation_country ON event_participation(country, how);

CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  event_key INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX search_docs_event ON search_docs(event_key);
CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
  INSERT INTO search(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  INSERT INTO search(search, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;

CREATE VIEW event_summary AS
SELECT e.id, e.title, e.type, e.start, e.end, e.format, e.city, e.country, e.series, e.part_of,
       e.participants, e.attendance_approximate AS participants_approximate, e.speakers,
       (SELECT group_concat(topic, '; ') FROM (SELECT topic FROM event_topics t WHERE t.event_key = e.key ORDER BY t.seq)) AS topics,
       (SELECT group_concat(country, '; ') FROM (SELECT country FROM event_countries c WHERE c.event_key = e.key ORDER BY c.seq)) AS countries
FROM events e;

CREATE VIEW speakers_by_country AS
SELECT represents AS country, COUNT(DISTINCT person_id) AS speakers, COUNT(DISTINCT event_key) AS events, COUNT(*) AS appearances
FROM appearances WHERE represents IS NOT NULL GROUP BY represents;

CREATE VIEW event_speakers AS
SELECT e.id AS event_id, e.title AS event_title, e.start AS event_date, a.seq, a.person_id,
       COALESCE(p.name, a.name, a.person_ref) AS name, a.honorific, a.position,
       a.organization_id, COALESCE(o.name, a.organization) AS organization, a.represents AS country, a.role
FROM appearances a JOIN events e ON e.key = a.event_key
LEFT JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.organization_id;
`,
  },
];
