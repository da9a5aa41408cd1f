import { existsSync } from 'node:fs';
import path from 'node:path';
import { endsBeforeStart, parsePartialDate } from './dates.js';
import { isObject, isValidId, listOf as list, type EventData, type LoadedEvent, type LoadedOrganization, type LoadedPerson, type PathIssue, type PathSegment, type PersonData } from './records.js';
import { buildOrganizationRegistry, buildPeopleRegistry, resolveRef, type Registry } from './registry.js';
import { suggest } from './text.js';

/*
 * Rules across records that a JSON Schema cannot express. They read data that may also
 * have failed its schema, so every access is guarded: all problems are reported at once.
 */

export interface RuleInput {
  root: string;
  events: LoadedEvent[];
  people: LoadedPerson[];
  organizations: LoadedOrganization[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function checkRules(input: RuleInput): PathIssue[] {
  const issues: PathIssue[] = [];
  const people = buildPeopleRegistry(input.people.map((p) => ({ id: p.id, data: p.data })));
  const organizations = buildOrganizationRegistry(input.organizations.map((o) => ({ id: o.id, data: o.data })));
  const eventsById = new Map<string, LoadedEvent>();
  const issue = (file: string, pathTo: PathSegment[], rule: string, message: string, at?: 'key' | 'value'): void => {
    issues.push({ file, path: pathTo, rule, severity: 'error', message, ...(at ? { at } : {}) });
  };

  for (const event of input.events) {
    const first = eventsById.get(event.id);
    if (first) {
      issue(event.file.path, [], 'duplicate-id', `event id \`${event.id}\` is also used by ${first.file.path}: ids must be unique; rename one file`);
    } else {
      eventsById.set(event.id, event);
    }
  }

  for (const event of input.events) {
    if (!isObject(event.data)) continue;
    checkEventDates(event, issue);
    checkPeopleRefs(event, people, issue);
    checkPresentationFiles(input.root, event, issue);
  }
  checkPartOf(input.events, eventsById, issue);
  checkRegistryConflicts(input.people, people, 'person', issue);
  checkRegistryConflicts(input.organizations, organizations, 'organisation', issue);
  for (const person of input.people) {
    list(person.data?.distinct_from).forEach((other, i) => {
      if (typeof other === 'string' && isValidId(other) && !people.byId.has(other)) {
        issue(person.file.path, ['distinct_from', i], 'unknown-person', unknownPersonMessage(other, people));
      }
    });
  }
  return issues;
}

type Report = (file: string, path: PathSegment[], rule: string, message: string, at?: 'key' | 'value') => void;

function checkEventDates(event: LoadedEvent, issue: Report): void {
  const data = event.data as Partial<EventData>;
  const start = parsePartialDate(data.start);
  if (!start) return;
  if (event.file.folder !== undefined && String(start.year) !== event.file.folder) {
    issue(event.file.path, ['start'], 'event-folder', `this event starts in ${start.year} but sits in events/${event.file.folder}/: move it to events/${start.year}/`);
  }
  if (!event.id.startsWith(`${start.text}-`)) {
    issue(event.file.path, ['start'], 'event-id', `the event id \`${event.id}\` must begin with its start date as written (\`${start.text}-\`): rename the file to ${start.text}-…yaml, or fix \`start\``);
  }
  const end = parsePartialDate(data.end);
  if (end && endsBeforeStart(start, end)) {
    issue(event.file.path, ['end'], 'end-before-start', `\`end\` (${end.text}) is before \`start\` (${start.text}): correct one of the two; a one-day event needs no \`end\``);
  }
}

function unknownPersonMessage(ref: string, people: Registry<PersonData>): string {
  // `baimenov` for `alikhan-baimenov`: part of an id, as `hub person baimenov` takes it.
  const containing = [...people.byId.keys()].filter((id) => `-${id}-`.includes(`-${ref}-`));
  const close = [...new Set([...suggest(ref, people.byId.keys(), 2), ...containing])].slice(0, 2);
  const hint = close.length > 0 ? ` (did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?)` : '';
  return `unknown person id \`${ref}\`${hint}: add people/${ref}.yaml with \`hub add-person\`, or write \`name:\` with the full name instead`;
}

function checkPeopleRefs(event: LoadedEvent, people: Registry<PersonData>, issue: Report): void {
  const data = event.data as unknown as Record<string, unknown>;
  const speakerIds = new Set<string>();
  list(data.speakers).forEach((speaker, i) => {
    if (!isObject(speaker)) return;
    const ref = str(speaker.person);
    const name = str(speaker.name);
    if (ref !== undefined) {
      if (people.byId.has(ref)) speakerIds.add(ref);
      // A name written as `person:` is the schema's to report, with the way to write it.
      else if (isValidId(ref)) issue(event.file.path, ['speakers', i, 'person'], 'unknown-person', unknownPersonMessage(ref, people));
    } else if (name !== undefined) {
      speakerIds.add(resolveRef(people, name).id);
    }
  });
  list(data.quotes).forEach((quote, i) => {
    if (!isObject(quote)) return;
    const ref = str(quote.speaker);
    if (ref === undefined) return;
    if (!speakerIds.has(resolveRef(people, ref).id)) {
      issue(event.file.path, ['quotes', i, 'speaker'], 'quote-speaker', `the quote's speaker \`${ref}\` is not among this event's speakers: add them to \`speakers\` or correct the name`);
    }
  });
}

function checkPresentationFiles(root: string, event: LoadedEvent, issue: Report): void {
  list((event.data as unknown as Record<string, unknown>).presentations).forEach((presentation, i) => {
    const file = isObject(presentation) ? str(presentation.file) : undefined;
    if (file === undefined) return;
    const target = path.resolve(root, file);
    if (target !== root && !target.startsWith(root + path.sep)) return; // the schema already refuses it
    if (!existsSync(target)) {
      issue(event.file.path, ['presentations', i, 'file'], 'missing-file', `\`${file}\` does not exist in the archive: add the file or correct the path`);
    }
  });
}

function checkPartOf(events: LoadedEvent[], byId: Map<string, LoadedEvent>, issue: Report): void {
  const parentOf = (event: LoadedEvent) => (isObject(event.data) ? str(event.data.part_of) : undefined);
  for (const event of events) {
    const parent = parentOf(event);
    if (parent === undefined) continue;
    if (parent === event.id) {
      issue(event.file.path, ['part_of'], 'part-of', '`part_of` names this event itself: name the event it belongs to');
      continue;
    }
    if (!byId.has(parent)) {
      const close = suggest(parent, byId.keys(), 2);
      issue(event.file.path, ['part_of'], 'part-of', `\`part_of\` names \`${parent}\`, which is not an event in the archive${close.length > 0 ? ` (did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?)` : ': give the id (file name without .yaml) of the event this one is part of, or remove `part_of`'}`);
      continue;
    }
    const chain = [event.id];
    for (let current = byId.get(parent); current; current = byId.get(parentOf(current) ?? '')) {
      if (current.id === event.id) {
        issue(event.file.path, ['part_of'], 'part-of', `\`part_of\` forms a loop: ${[...chain, event.id].join(' → ')}`);
        break;
      }
      if (chain.includes(current.id)) break; // a loop further up, reported on its own members
      chain.push(current.id);
    }
  }
}

function checkRegistryConflicts<D>(
  records: Array<{ id: string; file: { path: string }; data: D }>,
  registry: Registry<D>,
  label: string,
  issue: Report,
): void {
  const files = new Map(records.map((r) => [r.id, r.file.path]));
  for (const claim of registry.conflicts) {
    for (const [i, id] of claim.ids.entries()) {
      if (i === 0) continue;
      issue(files.get(id)!, claim.at[i]!, 'name-conflict', `the name \`${claim.name}\` belongs to both ${label} \`${claim.ids[0]}\` and \`${id}\`: one name can only mean one ${label}; remove it from one of them`);
    }
  }
}

