import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document } from 'yaml';
import { formatRecordText, renderRecord, schemaModeline } from './canonical.js';
import { NotFoundError, UsageError } from './errors.js';
import { collectPeople } from './lint/lint-archive.js';
import { loadYaml } from './load-yaml.js';
import type { PersonData, RecordKind } from './records.js';
import { buildPeopleRegistry, resolveRef } from './registry.js';
import { nameKey, suggest } from './text.js';
import { checkChanges, loadArchive, type LoadedArchive } from './validate.js';

/*
 * Edits across the archive that change who is who: merging two people, or recording that two
 * are different. Planned here as whole-file changes (old text, new text, or deletion), kept in
 * canonical form with their comments, and checked as `hub validate` would before anything is
 * written; the db layer writes them all or none.
 */

export interface FileChange {
  /** Inside the archive, with forward slashes. */
  path: string;
  kind: RecordKind;
  /** The text now on disk; undefined for a file to create. */
  before?: string;
  /** The new text; undefined to delete the file. */
  after?: string;
}

export interface PeopleEdit {
  changes: FileChange[];
  /** What was done, in words. */
  summary: string[];
}

type Progress = (done: number, total: number) => void;

interface Person {
  id: string;
  registered: boolean;
  names: string[];
  data?: PersonData;
  file?: string;
}

function findPerson(loaded: LoadedArchive, identities: ReturnType<typeof collectPeople>, id: string, role: string): Person {
  const who = identities.get(id);
  if (!who) throw new NotFoundError(`no person \`${id}\` in the archive (${role})`, suggest(id, identities.keys(), 3), 'use the ids `hub speakers` shows');
  const record = loaded.people.find((p) => p.id === id);
  const names = [...new Set(who.spellings.map((s) => s.text))];
  return { id, registered: who.registered, names, ...(record ? { data: record.data, file: record.file.path } : {}) };
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

/** Applies `edit` to a record's YAML document and returns its canonical text, comments kept. */
function editRecord(root: string, kind: RecordKind, file: string, edit: (doc: Document) => boolean): FileChange | undefined {
  const before = read(root, file);
  const doc = loadYaml().parseDocument(before);
  if (!edit(doc)) return undefined;
  const modeline = schemaModeline(root, kind, path.join(root, file));
  const formatted = formatRecordText(kind, doc.toString(), modeline);
  const after = formatted.ok ? formatted.text : doc.toString();
  return after === before ? undefined : { path: file, kind, before, after };
}

/** Every record that names DROP now names KEEP; DROP's names become KEEP's aliases; DROP's file goes. */
export async function planMerge(root: string, keepId: string, dropId: string, onProgress?: Progress): Promise<PeopleEdit> {
  if (keepId === dropId) throw new UsageError('KEEP and DROP are the same person');
  const loaded = await loadArchive(root, onProgress);
  const identities = collectPeople(loaded);
  const keep = findPerson(loaded, identities, keepId, 'KEEP');
  const drop = findPerson(loaded, identities, dropId, 'DROP');
  const people = buildPeopleRegistry(loaded.people.map((p) => ({ id: p.id, data: p.data })));
  const isDrop = (ref: unknown) => typeof ref === 'string' && resolveRef(people, ref).id === dropId;
  const changes: FileChange[] = [];
  const summary: string[] = [];

  let touchedEvents = 0;
  for (const event of loaded.events) {
    const change = editRecord(root, 'event', event.file.path, (doc) => {
      let changed = false;
      const items = (key: string) => (Array.isArray((event.data as unknown as Record<string, unknown>)[key]) ? ((event.data as unknown as Record<string, unknown>)[key] as unknown[]) : []);
      items('speakers').forEach((s, i) => {
        if (typeof s !== 'object' || s === null) return;
        const speaker = s as Record<string, unknown>;
        if (speaker.person === dropId || (speaker.person === undefined && isDrop(speaker.name))) {
          doc.deleteIn(['speakers', i, 'name']);
          doc.setIn(['speakers', i, 'person'], keepId);
          changed = true;
        }
      });
      for (const key of ['quotes', 'presentations']) {
        items(key).forEach((item, i) => {
          if (typeof item === 'object' && item !== null && isDrop((item as Record<string, unknown>).speaker)) {
            doc.setIn([key, i, 'speaker'], keepId);
            changed = true;
          }
        });
      }
      return changed;
    });
    if (change) {
      changes.push(change);
      touchedEvents++;
    }
  }
  summary.push(`${touchedEvents} event record${touchedEvents === 1 ? '' : 's'} now name \`${keepId}\` where they named \`${dropId}\``);

  // KEEP's registry record: its names gain DROP's; fields it lacks are taken from DROP's record.
  const known = new Set(keep.names.map(nameKey));
  const newAliases = drop.names.filter((n) => !known.has(nameKey(n)) && known.add(nameKey(n)));
  const keepPath = keep.file ?? `people/${keepId}.yaml`;
  if (keep.file) {
    const change = editRecord(root, 'person', keep.file, (doc) => {
      const aliases = [...(keep.data?.aliases ?? []), ...newAliases];
      if (newAliases.length > 0) doc.setIn(['aliases'], doc.createNode(aliases, { flow: true }));
      for (const key of ['honorific', 'country', 'organization', 'position'] as const) if (keep.data?.[key] === undefined && drop.data?.[key] !== undefined) doc.setIn([key], drop.data[key]);
      rewriteDistinct(doc, keep.data?.distinct_from, keepId, drop.data?.distinct_from, dropId);
      return true;
    });
    if (change) changes.push(change);
  } else {
    const [name, ...others] = keep.names;
    const data: Record<string, unknown> = { name };
    const aliases = [...others, ...newAliases];
    if (aliases.length > 0) data.aliases = aliases;
    for (const key of ['honorific', 'country', 'organization', 'position'] as const) if (drop.data?.[key] !== undefined) data[key] = drop.data[key];
    changes.push({ path: keepPath, kind: 'person', after: renderRecord('person', data, schemaModeline(root, 'person', path.join(root, keepPath))) });
    summary.push(`\`${keepId}\` was not registered: added ${keepPath}`);
  }
  if (newAliases.length > 0) summary.push(`${keepPath} gains the alias${newAliases.length === 1 ? '' : 'es'} ${newAliases.map((n) => `"${n}"`).join(', ')}`);

  for (const person of loaded.people) {
    if (person.id === keepId || person.id === dropId || !(person.data.distinct_from ?? []).includes(dropId)) continue;
    const change = editRecord(root, 'person', person.file.path, (doc) => rewriteDistinct(doc, person.data.distinct_from, person.id, [keepId], dropId));
    if (change) changes.push(change);
  }
  if (drop.file) {
    changes.push({ path: drop.file, kind: 'person', before: read(root, drop.file) });
    summary.push(`${drop.file} is removed`);
  }
  checkResult(root, loaded, changes);
  return { changes, summary };
}

/** A `distinct_from` list with `add` joined and `remove` left out, never naming the record itself. */
function rewriteDistinct(doc: Document, current: string[] | undefined, self: string, add: string[] = [], remove?: string): boolean {
  const list = [...new Set([...(current ?? []), ...add])].filter((id) => id !== self && id !== remove);
  if (list.length === (current ?? []).length && list.every((id, i) => current![i] === id)) return false;
  if (list.length === 0) doc.deleteIn(['distinct_from']);
  else doc.setIn(['distinct_from'], doc.createNode(list, { flow: true }));
  return true;
}

/** Records that A and B are two people: `distinct_from` on A (registering either if needed). */
export async function planDistinct(root: string, aId: string, bId: string, onProgress?: Progress): Promise<PeopleEdit> {
  if (aId === bId) throw new UsageError('A and B are the same id');
  const loaded = await loadArchive(root, onProgress);
  const identities = collectPeople(loaded);
  const a = findPerson(loaded, identities, aId, 'A');
  const b = findPerson(loaded, identities, bId, 'B');
  const changes: FileChange[] = [];
  const summary: string[] = [];
  const register = (who: Person, distinct?: string[]) => {
    const file = `people/${who.id}.yaml`;
    const [name, ...aliases] = who.names;
    const data: Record<string, unknown> = { name, ...(aliases.length > 0 ? { aliases } : {}), ...(distinct ? { distinct_from: distinct } : {}) };
    changes.push({ path: file, kind: 'person', after: renderRecord('person', data, schemaModeline(root, 'person', path.join(root, file))) });
    summary.push(`\`${who.id}\` was not registered: added ${file}`);
  };
  if (a.file) {
    const change = editRecord(root, 'person', a.file, (doc) => rewriteDistinct(doc, a.data?.distinct_from, aId, [bId]));
    if (change) changes.push(change);
  } else {
    register(a, [bId]);
  }
  if (!b.file) register(b);
  summary.push(changes.length > 0 ? `\`${aId}\` and \`${bId}\` are recorded as two people: \`hub lint\` will not pair them again` : `\`${aId}\` and \`${bId}\` were already recorded as two people`);
  checkResult(root, loaded, changes);
  return { changes, summary };
}

/** The archive after the changes must pass the checks the changed files passed before. */
function checkResult(root: string, loaded: LoadedArchive, changes: FileChange[]): void {
  const problems = checkChanges(
    root,
    loaded,
    changes.map((c) => ({ kind: c.kind, path: c.path, ...(c.after === undefined ? {} : { data: loadYaml().parse(c.after) as unknown }) })),
  );
  if (problems.length > 0) {
    throw new UsageError(`the change would leave ${problems[0]!.file} invalid: ${problems[0]!.message}`, 'nothing was written; fix that first, or merge the other way round');
  }
}


