/*
 * Migration 007: the event tables again, with rows that refer to their event by its integer
 * key. The index is rebuilt from the YAML files after it (see its entry in migration-list.ts),
 * so this is also the current shape of those tables, their indexes, triggers and views.
 */
export const INTEGER_EVENT_KEYS_SQL = `
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
`;
