import { firstFreeId, registryIdFor } from './ids.js';
import type { PlannedRecord, PlanOptions } from './new-records.js';
import { isObject, KIND_FOLDERS } from './records.js';
import { buildOrganizationRegistry, buildPeopleRegistry, resolveRef, type Registry } from './registry.js';
import { nameKey } from './text.js';
import type { LoadedArchive } from './validate.js';

/*
 * Names in a new event that no registry knows: with the user's leave they become new registry
 * records (and the event refers to them by id); otherwise they stay as written.
 */


export const peopleOf = (loaded: LoadedArchive) => buildPeopleRegistry(loaded.people.map((p) => ({ id: p.id, data: p.data })));
export const organizationsOf = (loaded: LoadedArchive) => buildOrganizationRegistry(loaded.organizations.map((o) => ({ id: o.id, data: o.data })));

/**
 * Names of speakers and organisations that no registry knows: registered as new records
 * where `register` allows (the event then refers to them by id), otherwise left as names
 * and mentioned in the notes.
 */
export function registerNames(event: Record<string, unknown>, loaded: LoadedArchive, options: PlanOptions, notes: string[]): PlannedRecord[] {
  const planned: PlannedRecord[] = [];
  const people = peopleOf(loaded);
  const organizations = organizationsOf(loaded);
  const newIds = new Map<string, string>();
  const leftOut: string[] = [];

  const register = (kind: 'person' | 'organization', name: string, data: Record<string, unknown>, registry: Registry<unknown>): string | undefined => {
    const key = `${kind}:${nameKey(name)}`;
    const known = newIds.get(key);
    if (known) return known;
    if (!options.register?.(kind, name)) {
      leftOut.push(name);
      return undefined;
    }
    const taken = (id: string) => registry.byId.has(id) || planned.some((p) => p.kind === kind && p.id === id) || loaded.paths.includes(`${KIND_FOLDERS[kind]}/${id}.yaml`);
    const id = firstFreeId(registryIdFor(name), taken);
    planned.push({ kind, id, path: `${KIND_FOLDERS[kind]}/${id}.yaml`, data, fixedId: false });
    newIds.set(key, id);
    return id;
  };
  const organization = (ref: unknown): unknown => {
    if (typeof ref !== 'string' || ref.trim() === '' || resolveRef(organizations, ref).registered) return ref;
    return register('organization', ref, { name: ref.trim() }, organizations as Registry<unknown>) ?? ref;
  };

  for (const key of ['organizers', 'partners'] as const) {
    if (Array.isArray(event[key])) event[key] = (event[key] as unknown[]).map(organization);
  }
  const speakers = Array.isArray(event.speakers) ? event.speakers : [];
  for (const speaker of speakers) {
    if (!isObject(speaker)) continue;
    if (speaker.organization !== undefined) speaker.organization = organization(speaker.organization);
    const name = speaker.name;
    if (speaker.person !== undefined || typeof name !== 'string' || name.trim() === '' || resolveRef(people, name).registered) continue;
    const person: Record<string, unknown> = { name: name.trim() };
    for (const key of ['honorific', 'country', 'organization', 'position'] as const) if (speaker[key] !== undefined) person[key] = speaker[key];
    const id = register('person', name, person, people as Registry<unknown>);
    if (id === undefined) continue;
    // The entry now names the registered person; its other keys stay, as they belong to this event.
    const { name: _name, ...rest } = speaker;
    for (const k of Object.keys(speaker)) delete speaker[k];
    Object.assign(speaker, { person: id, ...rest });
  }
  for (const presentation of Array.isArray(event.presentations) ? event.presentations : []) {
    if (isObject(presentation) && presentation.organization !== undefined) presentation.organization = organization(presentation.organization);
  }
  if (leftOut.length > 0) {
    const unique = [...new Set(leftOut)];
    notes.push(`not in the registries, kept as written: ${unique.join(', ')} (register them with --register, or with \`hub add-person\` / \`hub add-org\`)`);
  }
  return planned;
}

