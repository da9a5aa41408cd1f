/*
 * The first index schema (migration 001), as it was applied: history, never edited. Migration
 * 007 replaced its event tables; see 007-integer-event-keys.ts for the tables as they are now.
 */
export const INITIAL_SQL = `
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
`;
