import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { fillParticipation, refreshUnregisteredOrganizations, refreshUnregisteredPeople } from '../../src/db/resolve-refs.js';
import { syncIndex } from '../../src/db/sync.js';
import { loadResolver, lookupResolver, type Resolver } from '../../src/db/write-records.js';
import { generateArchive } from '../../scripts/bench/generate.js';
import { copyBundledArchive, eventYaml, makeArchive, tempDir, writeFile } from '../helpers/archive.js';

/*
 * A fresh build works participation and the unregistered people and organisations out while
 * it writes the events (DerivedRows); every later sync derives them in SQL. Both must give
 * the same rows, or an index would answer differently depending on how it was made.
 */
function derivedRows(db: Db) {
  return {
    participation: db.prepare('SELECT e.id AS event_id, p.country, p.how FROM event_participation p JOIN events e ON e.key = p.event_key ORDER BY e.id, p.country').all(),
    people: db.prepare('SELECT * FROM people WHERE registered = 0 ORDER BY id').all(),
    organizations: db.prepare('SELECT * FROM organizations WHERE registered = 0 ORDER BY id').all(),
  };
}

async function builtAndRecomputed(root: string) {
  const { db } = await syncIndex(root, { rebuild: true });
  try {
    const built = derivedRows(db);
    db.exec('DELETE FROM event_participation; DELETE FROM people WHERE registered = 0; DELETE FROM organizations WHERE registered = 0');
    fillParticipation(db);
    refreshUnregisteredPeople(db);
    refreshUnregisteredOrganizations(db);
    return { built, recomputed: derivedRows(db) };
  } finally {
    db.close();
  }
}

const speakers = (...entries: string[]) => `speakers:\n${entries.map((e) => `  - ${e}`).join('\n')}`;

describe('rows derived by a fresh build', () => {
  it('match the SQL that derives them after a change, on edge cases', async () => {
    const root = makeArchive({
      'people/ana-lima.yaml': 'name: Ana Lima\ncountry: BR\n',
      'organizations/oecd.yaml': 'name: Organisation for Economic Co-operation and Development\nacronym: OECD\n',
      // Same day, two events: the later id names the person; within one event, the first entry.
      'events/2024/2024-05-01-a.yaml': `${eventYaml({ start: '2024-05-01', title: 'A' })}location:\n  country: KZ\ncountries: [KZ, TR]\n${speakers(
        '{name: "Zoë Quinn", country: TR, position: First}',
        '{name: "Ana Lima", organization: OECD}',
        '{name: "Bo 😀 Li", organization: "Институт 😀"}',
      )}\n`,
      'events/2024/2024-05-01-b.yaml': `${eventYaml({ start: '2024-05-01', title: 'B' })}partners: ["институт", "Институт"]\n${speakers(
        '{name: "Zoë Quinn", position: Second}',
        '{name: "zoë quinn", position: Third}',
        '{person: nobody-registered}',
      )}\n`,
      // A year-precision date starts on the year's first day, before both.
      'events/2024/2024-annual.yaml': `${eventYaml({ start: '2024', title: 'Annual' })}${speakers('{name: "Zoë Quinn", position: Earlier}', '{name: "Bo 😀 Li"}')}\n`,
    });
    const { built, recomputed } = await builtAndRecomputed(root);
    expect(built).toEqual(recomputed);
    expect(built.people).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Zoë Quinn', position: 'Second' }), expect.objectContaining({ id: 'nobody-registered', name: 'nobody-registered' })]),
    );
    expect(built.participation).toContainEqual({ event_id: '2024-05-01-a', country: 'KZ', how: 3 });
    expect(built.participation).toContainEqual({ event_id: '2024-05-01-a', country: 'BR', how: 4 });
    // Two spellings of one unregistered organisation: the least in SQLite's byte order names it.
    expect(built.organizations).toContainEqual(expect.objectContaining({ name: 'Институт' }));
  });

  it('match on the bundled archive and on a generated one', async () => {
    const generated = `${tempDir()}/archive`;
    generateArchive(generated, { events: 300, seed: 7 });
    const bundled = await builtAndRecomputed(copyBundledArchive());
    expect(bundled.built).toEqual(bundled.recomputed);
    expect(bundled.built.participation.length).toBeGreaterThan(5);
    const { built, recomputed } = await builtAndRecomputed(generated);
    expect(built).toEqual(recomputed);
    expect(built.participation.length).toBeGreaterThan(1000);
    expect(built.people.length).toBeGreaterThan(10);
  });

  it('resolve a name two people claim to the same id as a later sync does', async () => {
    // Paths list ana-lima.yaml before ana.yaml; ids sort the other way, and the first id wins.
    const root = makeArchive({
      'people/ana.yaml': 'name: Ana Lima\n',
      'people/ana-lima.yaml': 'name: Ana Lima\n',
      'events/2024/2024-05-01-a.yaml': `${eventYaml({ start: '2024-05-01' })}${speakers('{name: "Ana Lima"}')}\n`,
    });
    const speakerId = async (rebuild: boolean) => {
      const { db } = await syncIndex(root, { rebuild });
      try {
        return db.prepare('SELECT person_id FROM appearances').pluck().get();
      } finally {
        db.close();
      }
    };
    expect(await speakerId(true)).toBe('ana');
    // A registry change resolves every ref again from the index's own tables.
    writeFile(root, 'people/zed.yaml', 'name: Zed\n');
    expect(await speakerId(false)).toBe('ana');
  });
});

describe('the resolver a sync of a few events uses', () => {
  it('answers as the registries do, for every ref of the bundled and a generated archive and for edge cases', async () => {
    const edge = makeArchive({
      'people/ana.yaml': 'name: Ana Lima\ncountry: BR\naliases: ["A. Lima", "—"]\n',
      'people/ana-lima.yaml': 'name: Ana Lima\n',
      'people/no-country.yaml': 'name: Bo 😀 Li\n',
      'organizations/oecd.yaml': 'name: Organisation for Economic Co-operation and Development\nacronym: OECD\n',
      'organizations/oecd-2.yaml': 'name: Another\nacronym: oecd\n',
      'events/2024/2024-05-01-a.yaml': `${eventYaml({ start: '2024-05-01' })}${speakers('{name: "ana  LIMA"}', '{person: no-country}')}\n`,
    });
    const generated = `${tempDir()}/archive`;
    generateArchive(generated, { events: 300, seed: 11 });
    const extra = ['Ana Lima', 'a. lima', '—', '...', '', 'ana', 'no-country', 'bo 😀 li', 'Nobody At All', 'OECD', 'oecd', 'Another', 'oecd-2', 'Институт'];
    for (const root of [edge, copyBundledArchive(), generated]) {
      const { db } = await syncIndex(root, { rebuild: true });
      try {
        const refs = new Set(extra);
        for (const column of ['person_ref', 'name', 'organization']) for (const v of db.prepare(`SELECT DISTINCT ${column} FROM appearances WHERE ${column} IS NOT NULL`).pluck().all()) refs.add(v as string);
        for (const v of db.prepare('SELECT DISTINCT organization FROM event_organizations').pluck().all()) refs.add(v as string);
        for (const v of db.prepare('SELECT id FROM people UNION SELECT id FROM organizations').pluck().all()) refs.add(v as string);
        const answers = (r: Resolver) =>
          [...refs].map((ref) => [ref, r.person(ref), r.organization(ref), r.personCountry(ref), r.isRegisteredPerson(ref), r.isRegisteredOrganization(ref)]);
        expect(answers(lookupResolver(db))).toEqual(answers(loadResolver(db)));
        expect(refs.size).toBeGreaterThan(extra.length);
      } finally {
        db.close();
      }
    }
  });
});
