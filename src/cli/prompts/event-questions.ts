import type { RecordingChoices } from '../../core/query/choices.js';
import { matchChoices } from '../../core/query/choices.js';
import type { EventData, SpeakerEntry } from '../../core/records.js';
import { nameKey, slugify } from '../../core/text.js';
import { EVENT_TYPES, ROLES } from '../../core/vocabulary.js';
import type { Asker, Choice } from './ask.js';


type Event = Partial<EventData> & Record<string, unknown>;
type Quote = { speaker: string; text: string };

/** Names typed that are not in a registry and that the user chose to register: `person:<key>`. */
export type Registrations = Set<string>;

export const registrationKey = (kind: 'person' | 'organization', name: string) => `${kind}:${nameKey(name)}`;

/**
 * Walks through an event, field by field. Given the answers of a previous round (after "edit
 * again"), every question starts from what was answered.
 */
export async function askEvent(ask: Asker, choices: RecordingChoices, previous: Event, registrations: Registrations): Promise<Event> {
  const event: Event = {};
  const set = <K extends string>(key: K, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) event[key] = value;
  };
  set('title', await ask.text('Title', { default: previous.title, required: true }));
  set('type', await ask.choose('Type', EVENT_TYPES.map((t) => ({ name: t, value: t })), previous.type ?? 'conference'));
  set('start', await ask.date('Start date (2025-03-14, 2025-03 or 2025)', { default: str(previous.start), required: true }));
  set('end', await ask.date('End date (empty if it was one day)', { default: str(previous.end), notBefore: event.start }));
  set('format', await ask.choose<string | undefined>('Format', [{ name: 'in-person', value: 'in-person' }, { name: 'online', value: 'online' }, { name: 'hybrid', value: 'hybrid' }, { name: '(not known)', value: undefined }], previous.format));
  if (event.format !== 'online') {
    const location: Record<string, string> = {};
    const venue = await ask.text('Venue (empty to skip)', { default: previous.location?.venue });
    const city = await ask.text('City (empty to skip)', { default: previous.location?.city });
    const country = await ask.country('Host country (type a name or code)', previous.location?.country);
    if (venue) location.venue = venue;
    if (city) location.city = city;
    if (country) location.country = country;
    set('location', Object.keys(location).length > 0 ? location : undefined);
  }
  set('series', await pickNamed(ask, 'Series (type to search; empty for none)', choices.series, previous.series));
  set('part_of', await ask.find<string | undefined>('Part of another event? (type to search)', (term) =>
    withNone(
      matchChoices(term, choices.events, (e) => [e.title, e.id]).map((e) => ({ name: `${e.title} (${e.start})`, value: e.id as string | undefined, description: e.id })),
      term.trim(),
      previous.part_of === undefined ? undefined : { name: `keep: ${previous.part_of}`, value: previous.part_of },
    ),
  ));
  set('theme', await ask.text('Theme (empty to skip)', { default: previous.theme }));
  set('organizers', await askOrganizations(ask, choices, 'Organiser', previous.organizers ?? [], registrations));
  set('partners', await askOrganizations(ask, choices, 'Partner', previous.partners ?? [], registrations));
  set('topics', await askTopics(ask, choices, previous.topics ?? []));
  set('attendance', await askAttendance(ask, previous.attendance));
  set('countries', await askList(ask, 'Represented country', previous.countries ?? [], (c) => c, async () => ask.country('Country represented (type a name or code; none to finish)')));
  const quotes: Quote[] = [];
  set('speakers', await askList(ask, 'Speaker', previous.speakers ?? [], speakerLabel, async (current) => askSpeaker(ask, choices, registrations, current, quotes, previous.quotes ?? [])));
  set('quotes', quotes);
  set('presentations', await askList(ask, 'Presentation', previous.presentations ?? [], (p) => p.title, async (current) => askPresentation(ask, event, current)));
  set('sources', await askList(ask, 'Source', previous.sources ?? [], (s) => s.url ?? s.title ?? '', async (current) => askSource(ask, current)));
  set('summary', await ask.text('Summary (empty to skip)', { default: previous.summary }));
  set('notes', await ask.text('Notes, such as how a date was inferred (empty to skip)', { default: previous.notes }));
  return event;
}

/**
 * Before anything is typed, Enter keeps the previous answer or picks none, never the first
 * of a list; once something is typed, the best match comes first.
 */
function withNone<T>(options: Array<Choice<T | undefined>>, typed: string, keep?: Choice<T>): Array<Choice<T | undefined>> {
  const none = { name: typed === '' ? '(none: or type to search)' : '(none)', value: undefined };
  return typed === '' ? [...(keep ? [keep] : []), none, ...options] : [...options, none];
}

const str = (value: unknown) => (value === undefined ? undefined : String(value));
const speakerLabel = (s: SpeakerEntry) => s.person ?? s.name ?? '';

/**
 * A list entered one item at a time. Items from the previous round are kept, changed or
 * removed first; then new ones are added until the user says so.
 */
async function askList<T>(ask: Asker, what: string, previous: T[], label: (item: T) => string, askOne: (current?: T) => Promise<T | undefined>): Promise<T[]> {
  const items: T[] = [];
  for (const item of previous) {
    const action = await ask.choose(`${what}: ${label(item)}`, [{ name: 'keep', value: 'keep' }, { name: 'change', value: 'change' }, { name: 'remove', value: 'remove' }], 'keep');
    if (action === 'keep') items.push(item);
    if (action === 'change') {
      const changed = await askOne(item);
      if (changed !== undefined) items.push(changed);
    }
  }
  while (await ask.yes(`Add ${items.length > 0 ? 'another' : /^[aeiou]/i.test(what) ? 'an' : 'a'} ${what.toLowerCase()}?`, false)) {
    const item = await askOne();
    if (item !== undefined) items.push(item);
  }
  return items;
}

/** One of the known values, or what was typed as a new one. */
async function pickNamed(ask: Asker, message: string, known: string[], previous: string | undefined): Promise<string | undefined> {
  return ask.find<string | undefined>(message, (term) => {
    const found = matchChoices(term, known, (s) => [s]);
    const typed = term.trim();
    const options: Array<Choice<string | undefined>> = found.map((s) => ({ name: s, value: s as string | undefined }));
    if (typed !== '' && !found.some((s) => nameKey(s) === nameKey(typed))) options.push({ name: `new: ${typed}`, value: typed });
    return withNone(options, typed, previous === undefined ? undefined : { name: `keep: ${previous}`, value: previous });
  });
}

/** An organisation from the registry, or a new name (offered for registration). */
async function askOrganization(ask: Asker, choices: RecordingChoices, message: string, registrations: Registrations, keep?: string): Promise<string | undefined> {
  const picked = await ask.find<{ id?: string; name?: string } | undefined>(message, (term) => {
    const typed = term.trim();
    const found = matchChoices(term, choices.organizations, (o) => [...o.names, o.id]);
    const options: Array<Choice<{ id?: string; name?: string } | undefined>> = found.map((o) => ({
      name: o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name,
      value: o.registered ? { id: o.id } : { name: o.name },
      description: o.registered ? o.id : 'not in the registry',
    }));
    if (typed !== '' && !found.some((o) => o.names.some((n) => nameKey(n) === nameKey(typed)))) options.push({ name: `new: ${typed}`, value: { name: typed } });
    return withNone(options, typed, keep === undefined ? undefined : { name: `keep: ${keep}`, value: { id: keep } });
  });
  if (!picked) return undefined;
  if (picked.id) return picked.id;
  const name = picked.name!;
  const known = choices.organizations.some((o) => o.names.some((n) => nameKey(n) === nameKey(name)));
  if (!known && !registrations.has(registrationKey('organization', name)) && (await ask.yes(`Add "${name}" to the organisations registry?`, true))) {
    registrations.add(registrationKey('organization', name));
  }
  return name;
}

async function askOrganizations(ask: Asker, choices: RecordingChoices, what: string, previous: string[], registrations: Registrations): Promise<string[]> {
  return askList(ask, what, previous, (o) => o, async () => askOrganization(ask, choices, `${what} (type a name or acronym; none to finish)`, registrations));
}

async function askTopics(ask: Asker, choices: RecordingChoices, previous: string[]): Promise<string[]> {
  const topics = [...previous];
  for (;;) {
    const picked = await ask.find<string | undefined>(`Topics${topics.length > 0 ? ` (so far: ${topics.join(', ')})` : ''}: type to search or add; done to finish`, (term) => {
      const open = choices.topics.filter((t) => !topics.includes(t));
      const found = matchChoices(term, open, (t) => [t.replace(/-/g, ' ')]);
      const slug = slugify(term);
      const options: Array<Choice<string | undefined>> = found.map((t) => ({ name: t, value: t as string | undefined }));
      if (slug !== '' && !choices.topics.includes(slug) && !topics.includes(slug)) options.push({ name: `new topic: ${slug}`, value: slug });
      const done = { name: '(done)', value: undefined };
      return term.trim() === '' ? [done, ...options] : [...options, done];
    });
    if (picked === undefined) return topics;
    topics.push(picked);
  }
}

async function askAttendance(ask: Asker, previous: EventData['attendance']): Promise<EventData['attendance'] | undefined> {
  const participants = await ask.count('How many took part? (empty if not known)', previous?.participants);
  const countries = await ask.count('From how many countries? (empty if not known)', previous?.countries);
  if (participants === undefined && countries === undefined) return undefined;
  const approximate = await ask.yes('Are these numbers approximate ("over 250")?', previous?.approximate ?? false);
  return { ...(participants === undefined ? {} : { participants }), ...(countries === undefined ? {} : { countries }), ...(approximate ? { approximate } : {}) };
}

type PersonPick = { id: string; registered: boolean; name: string } | { typed: string } | undefined;

async function askSpeaker(ask: Asker, choices: RecordingChoices, registrations: Registrations, current: SpeakerEntry | undefined, quotes: Quote[], previousQuotes: Quote[]): Promise<SpeakerEntry | undefined> {
  const keep = current ? (current.person ?? current.name) : undefined;
  const picked = await ask.find<PersonPick>('Speaker (type a name; aliases count)', (term) => {
    const typed = term.trim();
    const found = matchChoices(term, choices.people, (p) => [...p.names, p.id]);
    const options: Array<Choice<PersonPick>> = found.map((p) => ({
      name: p.name,
      value: { id: p.id, registered: p.registered, name: p.name },
      description: [p.last.position, p.last.organization, p.last.country].filter(Boolean).join(', ') || p.id,
    }));
    if (typed !== '' && !found.some((p) => p.names.some((n) => nameKey(n) === nameKey(typed)))) options.push({ name: `new person: ${typed}`, value: { typed } });
    const kept = keep === undefined ? undefined : { name: `keep: ${keep}`, value: (current?.person ? { id: current.person, registered: true, name: current.person } : { typed: keep }) as PersonPick };
    return withNone(options, typed, kept);
  });
  if (!picked) return undefined;
  const person = 'id' in picked ? choices.people.find((p) => p.id === picked.id) : undefined;
  const entry: SpeakerEntry = {};
  if (person?.registered) entry.person = person.id;
  else entry.name = person ? person.name : (picked as { typed: string }).typed;
  if (!person && entry.name && !registrations.has(registrationKey('person', entry.name)) && (await ask.yes(`Add "${entry.name}" to the people registry?`, true))) {
    registrations.add(registrationKey('person', entry.name));
  }
  // What they held last time they spoke is the best first guess for this time.
  const last = current ?? person?.last ?? {};
  const honorific = await ask.text('Honorific (Mr., Ms., Dr., Prof., H.E.; empty to skip)', { default: last.honorific });
  const position = await ask.text('Position at this event (empty to skip)', { default: last.position });
  const organization = await askOrganization(ask, choices, 'Organisation they represented (type to search)', registrations, last.organization);
  const country = await ask.country('Country they represented (none for international bodies)', last.country);
  const role = await ask.choose('Role', ROLES.map((r) => ({ name: r, value: r })), current?.role ?? 'panelist');
  Object.assign(entry, { ...(honorific ? { honorific } : {}), ...(position ? { position } : {}), ...(organization ? { organization } : {}), ...(country ? { country } : {}), role });
  const speaker = entry.person ?? entry.name!;
  for (const quote of previousQuotes.filter((q) => q.speaker === speaker)) {
    if (await ask.yes(`Keep the quote "${quote.text.slice(0, 60)}${quote.text.length > 60 ? '…' : ''}"?`, true)) quotes.push(quote);
  }
  for (;;) {
    const text = await ask.text(`A quote from ${entry.name ?? person?.name ?? speaker}, as published (empty to go on)`);
    if (text === undefined) break;
    quotes.push({ speaker, text });
  }
  return entry;
}

async function askPresentation(ask: Asker, event: Event, current?: NonNullable<EventData['presentations']>[number]): Promise<NonNullable<EventData['presentations']>[number] | undefined> {
  const title = await ask.text('Presentation title', { default: current?.title, required: true });
  if (title === undefined) return undefined;
  const speakers = (event.speakers ?? []).map(speakerLabel).filter(Boolean);
  const speaker = speakers.length > 0 ? await ask.choose<string | undefined>('Given by', [...speakers.map((s) => ({ name: s, value: s as string | undefined })), { name: '(not said)', value: undefined }], current?.speaker) : undefined;
  const url = await ask.text('Link to the slides (empty to skip)', { default: current?.url });
  return { title, ...(speaker ? { speaker } : {}), ...(url ? { url } : {}) };
}

async function askSource(ask: Asker, current?: NonNullable<EventData['sources']>[number]): Promise<NonNullable<EventData['sources']>[number] | undefined> {
  const url = await ask.text('Source address (URL; empty if none)', { default: current?.url });
  const title = await ask.text('Source title (empty to skip)', { default: current?.title });
  const published = await ask.date('Published on (empty to skip)', { default: str(current?.published) });
  if (!url && !title) return undefined;
  return { ...(url ? { url } : {}), ...(title ? { title } : {}), ...(published !== undefined ? { published } : {}) };
}
