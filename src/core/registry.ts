import type { OrganizationData, PathSegment, PersonData } from './records.js';
import { idFromName } from './ids.js';
import { nameKey } from './text.js';

/*
 * Who is who. A person ref is a registered id or a name; a name matches a registered
 * person when its key (case folded, punctuation and spacing normalised) equals the key of
 * the person's name or one of its aliases. Validation and the index use this one module,
 * so they never disagree.
 */

export interface RegistryEntry<D> {
  id: string;
  data: D;
}

export interface NameClaim {
  key: string;
  name: string;
  ids: string[];
  /** For each of `ids`, the key of its record that holds the name (`['aliases', 1]`): where to report a conflict. */
  at: PathSegment[][];
}

/** A name a record claims, and the key that holds it. */
interface NamedAt {
  name: unknown;
  at: PathSegment[];
}

export interface Registry<D> {
  byId: Map<string, D>;
  byKey: Map<string, string>;
  /** Names that two or more records claim: resolution takes the first id, validation reports them. */
  conflicts: NameClaim[];
  /**
   * Refs already resolved: the same names come back in thousands of events, and a key costs
   * case folding and transliteration.
   */
  resolved: Map<string, Resolution>;
}

export type Resolution = { id: string; registered: true } | { id: string; registered: false; name: string };

function buildRegistry<D>(entries: Array<RegistryEntry<D>>, namesOf: (data: D) => NamedAt[]): Registry<D> {
  const byId = new Map<string, D>();
  const claims = new Map<string, NameClaim>();
  for (const { id, data } of entries) {
    byId.set(id, data);
    for (const { name, at } of namesOf(data)) {
      if (typeof name !== 'string') continue;
      const key = nameKey(name);
      if (key === '') continue;
      const claim = claims.get(key) ?? { key, name, ids: [], at: [] };
      if (!claim.ids.includes(id)) {
        claim.ids.push(id);
        claim.at.push(at);
      }
      claims.set(key, claim);
    }
  }
  const byKey = new Map<string, string>();
  for (const claim of claims.values()) byKey.set(claim.key, claim.ids[0]!);
  return { byId, byKey, conflicts: [...claims.values()].filter((c) => c.ids.length > 1), resolved: new Map() };
}

const aliasesOf = (value: unknown): NamedAt[] => (Array.isArray(value) ? value.map((name: unknown, i) => ({ name, at: ['aliases', i] })) : []);

export function buildPeopleRegistry(entries: Array<RegistryEntry<PersonData>>): Registry<PersonData> {
  return buildRegistry(entries, (p) => [{ name: p.name, at: ['name'] }, ...aliasesOf(p.aliases)]);
}

export function buildOrganizationRegistry(entries: Array<RegistryEntry<OrganizationData>>): Registry<OrganizationData> {
  return buildRegistry(entries, (o) => [{ name: o.name, at: ['name'] }, { name: o.acronym, at: ['acronym'] }, ...aliasesOf(o.aliases)]);
}

/**
 * What resolving a ref needs of a registry: a Registry, or look-ups into the index's copy of
 * one. `byKey` never answers the empty key (buildRegistry keeps no such name).
 */
export interface RefLookup {
  byId: { has(id: string): boolean };
  byKey: { get(key: string): string | undefined };
  resolved: Map<string, Resolution>;
}

/**
 * The id a ref stands for: a registered id, the id of the registered record whose name or
 * alias matches, or, for a name nobody registered, an id made from the name itself.
 */
export function resolveRef(registry: RefLookup, ref: string): Resolution {
  let resolution = registry.resolved.get(ref);
  if (resolution === undefined) {
    const id = registry.byId.has(ref) ? ref : registry.byKey.get(nameKey(ref));
    resolution = id !== undefined ? { id, registered: true } : { id: unregisteredId(ref), registered: false, name: ref };
    registry.resolved.set(ref, resolution);
  }
  return resolution;
}

/** The id an unregistered name gets in the index (see `idFromName`). */
export function unregisteredId(name: string): string {
  return idFromName(name);
}
