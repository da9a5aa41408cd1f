import type { Db } from './connection.js';
import { participationInsert, REPRESENTS_SQL } from './derived-sql.js';
import type { Resolver } from './write-records.js';

/*
 * Names nobody registered still become people (and organisations) in the index, with ids
 * made from the name, so queries treat every speaker alike. These rows are derived from
 * the events, refreshed after each change; when a registry changes, every ref is resolved
 * again, since a new alias can turn an unregistered name into a registered person.
 */

/** Resolves every person and organisation ref in the index again (after a registry change). */
export function resolveAllRefs(db: Db, resolve: Resolver): void {
  const appearances = db.prepare('SELECT event_key, seq, person_ref, name, person_id, organization, organization_id FROM appearances').all() as Array<{
    event_key: number; seq: number; person_ref: string | null; name: string | null; person_id: string; organization: string | null; organization_id: string | null;
  }>;
  const setAppearance = db.prepare('UPDATE appearances SET person_id = ?, organization_id = ? WHERE event_key = ? AND seq = ?');
  for (const a of appearances) {
    const personId = a.person_ref ?? resolve.person(a.name!);
    const orgId = a.organization === null ? null : resolve.organization(a.organization);
    if (personId !== a.person_id || orgId !== a.organization_id) setAppearance.run(personId, orgId, a.event_key, a.seq);
  }
  const quotes = db.prepare('SELECT event_key, seq, speaker, person_id FROM quotes').all() as Array<{ event_key: number; seq: number; speaker: string; person_id: string }>;
  const setQuote = db.prepare('UPDATE quotes SET person_id = ? WHERE event_key = ? AND seq = ?');
  for (const q of quotes) {
    const id = resolve.person(q.speaker);
    if (id !== q.person_id) setQuote.run(id, q.event_key, q.seq);
  }
  const presentations = db.prepare('SELECT event_key, seq, speaker, person_id, organization, organization_id FROM presentations').all() as Array<{
    event_key: number; seq: number; speaker: string | null; person_id: string | null; organization: string | null; organization_id: string | null;
  }>;
  const setPresentation = db.prepare('UPDATE presentations SET person_id = ?, organization_id = ? WHERE event_key = ? AND seq = ?');
  for (const p of presentations) {
    const personId = p.speaker === null ? null : resolve.person(p.speaker);
    const orgId = p.organization === null ? null : resolve.organization(p.organization);
    if (personId !== p.person_id || orgId !== p.organization_id) setPresentation.run(personId, orgId, p.event_key, p.seq);
  }
  const links = db.prepare('SELECT event_key, relation, seq, organization, organization_id FROM event_organizations').all() as Array<{
    event_key: number; relation: string; seq: number; organization: string; organization_id: string;
  }>;
  const setLink = db.prepare('UPDATE event_organizations SET organization_id = ? WHERE event_key = ? AND relation = ? AND seq = ?');
  for (const l of links) {
    const id = resolve.organization(l.organization);
    if (id !== l.organization_id) setLink.run(id, l.event_key, l.relation, l.seq);
  }
}

interface Scope {
  /** The SQL condition keeping the rows whose `column` holds one of the ids. */
  on(column: string): string;
  params: Record<string, string>;
}

/** The rows to rebuild: all of them (`ids` undefined) or those ids only; undefined when there are none. */
function scopeOf(ids: Iterable<string> | undefined): Scope | undefined {
  if (ids === undefined) return { on: () => '1', params: {} };
  const list = [...new Set(ids)];
  if (list.length === 0) return undefined;
  return { on: (column) => `${column} IN (SELECT value FROM json_each(@scope))`, params: { scope: JSON.stringify(list) } };
}

/**
 * Rebuilds the unregistered people rows for the given ids (all of them when `ids` is
 * undefined). Each takes the spelling of its most recent appearance.
 */
export function refreshUnregisteredPeople(db: Db, ids?: Iterable<string>): void {
  const scope = scopeOf(ids);
  if (!scope) return;
  db.prepare(`DELETE FROM people WHERE registered = 0 AND ${scope.on('id')}`).run(scope.params);
  db.prepare(`
    INSERT INTO people (id, name, honorific, country, organization, position, registered)
    SELECT person_id, name, honorific, country, organization, position, 0 FROM (
      SELECT a.person_id, COALESCE(a.name, a.person_ref) AS name, a.honorific, a.country, a.organization, a.position,
             ROW_NUMBER() OVER (PARTITION BY a.person_id ORDER BY a.event_start DESC, e.id DESC, a.seq) AS n
      FROM appearances a JOIN events e ON e.key = a.event_key
      WHERE ${scope.on('a.person_id')} AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = a.person_id)
    ) WHERE n = 1`).run(scope.params);
}

/** Rebuilds the unregistered organisation rows for the given ids (all of them when `ids` is undefined). */
export function refreshUnregisteredOrganizations(db: Db, ids?: Iterable<string>): void {
  const scope = scopeOf(ids);
  if (!scope) return;
  db.prepare(`DELETE FROM organizations WHERE registered = 0 AND ${scope.on('id')}`).run(scope.params);
  db.prepare(`
    INSERT INTO organizations (id, name, registered)
    SELECT organization_id, MIN(organization), 0 FROM (
      SELECT organization_id, organization FROM event_organizations WHERE ${scope.on('organization_id')}
      UNION ALL SELECT organization_id, organization FROM appearances WHERE organization_id IS NOT NULL AND ${scope.on('organization_id')}
      UNION ALL SELECT organization_id, organization FROM presentations WHERE organization_id IS NOT NULL AND ${scope.on('organization_id')}
    ) AS refs
    WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = refs.organization_id)
    GROUP BY organization_id`).run(scope.params);
}

/** After a registry change: every speaker's country again, and the participation it implies. */
export function refreshParticipation(db: Db): void {
  db.exec(`UPDATE appearances SET represents = ${REPRESENTS_SQL}`);
  fillParticipation(db);
}

/**
 * Which countries took part in which event, from the events as they stand in the index: for
 * every event (`eventIds` undefined) or those given. One grouped statement, so a full build
 * appends rows in key order instead of inserting them one at a time all over the table.
 */
export function fillParticipation(db: Db, eventIds?: Iterable<string>): void {
  const scope = scopeOf(eventIds);
  if (!scope) return;
  const inScope = eventIds === undefined ? undefined : scope.on;
  db.prepare(`DELETE FROM event_participation${inScope ? ` WHERE event_key IN (SELECT key FROM events WHERE ${inScope('id')})` : ''}`).run(scope.params);
  db.prepare(participationInsert(inScope)).run(scope.params);
}
