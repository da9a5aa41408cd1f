import { findMixedScript } from '../confusables.js';
import { isObject, listOf as list, type Issue, type LoadedEvent, type PathIssue, type PathSegment, type Severity } from '../records.js';
import { buildOrganizationRegistry, buildPeopleRegistry, resolveRef } from '../registry.js';
import { loadArchive, type LoadedArchive } from '../validate.js';
import { blockingKeys, compareNames, type NameMatch } from './person-names.js';

/*
 * Data-quality findings: what `hub validate` cannot call an error but a reader of the annual
 * numbers would want fixed. Each finding is placed in its file like a validation problem.
 */

export interface Finding extends Issue {
  /** For findings about people: the spellings involved. */
  names?: string[];
  confidence?: number;
}

interface Spelling {
  text: string;
  file: string;
  path: PathSegment[];
  event?: string;
}

interface Identity {
  id: string;
  registered: boolean;
  spellings: Spelling[];
  events: Set<string>;
  distinct: Set<string>;
}

type Pending = PathIssue & { names?: string[]; confidence?: number };


export async function lintArchive(root: string, options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Finding[]> {
  const loaded = await loadArchive(root, options.onProgress);
  const pending: Pending[] = [];
  const add = (file: string, at: PathSegment[], rule: string, severity: Severity, message: string, extra: Partial<Pending> = {}) =>
    pending.push({ file, path: at, rule, severity, message, ...extra });
  const identities = collectPeople(loaded);
  likelySamePerson(identities, add);
  mixedScript(loaded, add);
  unregisteredSpeakers(identities, add);
  organisationsByName(loaded, add);
  suspiciousValues(loaded, add);
  return locate(loaded, pending);
}

type Add = (file: string, at: PathSegment[], rule: string, severity: Severity, message: string, extra?: Partial<Pending>) => void;

/** Everyone who appears in the archive, registered or only named, with every spelling and where it is written. */
export function collectPeople(loaded: LoadedArchive): Map<string, Identity> {
  const people = buildPeopleRegistry(loaded.people.map((p) => ({ id: p.id, data: p.data })));
  const identities = new Map<string, Identity>();
  const identity = (id: string, registered: boolean) => {
    let found = identities.get(id);
    if (!found) identities.set(id, (found = { id, registered, spellings: [], events: new Set(), distinct: new Set() }));
    return found;
  };
  for (const person of loaded.people) {
    if (!isObject(person.data) || typeof person.data.name !== 'string') continue;
    const who = identity(person.id, true);
    who.spellings.push({ text: person.data.name, file: person.file.path, path: ['name'] });
    list(person.data.aliases).forEach((alias, i) => typeof alias === 'string' && who.spellings.push({ text: alias, file: person.file.path, path: ['aliases', i] }));
    list(person.data.distinct_from).forEach((other) => typeof other === 'string' && who.distinct.add(other));
  }
  for (const event of loaded.events) {
    list(event.data.speakers).forEach((speaker, i) => {
      if (!isObject(speaker)) return;
      if (typeof speaker.person === 'string') {
        if (people.byId.has(speaker.person)) identity(speaker.person, true).events.add(event.id);
        return;
      }
      if (typeof speaker.name !== 'string') return;
      const resolved = resolveRef(people, speaker.name);
      const who = identity(resolved.id, resolved.registered);
      who.events.add(event.id);
      if (!who.spellings.some((s) => s.text === speaker.name)) who.spellings.push({ text: speaker.name, file: event.file.path, path: ['speakers', i, 'name'], event: event.id });
    });
  }
  return identities;
}

function likelySamePerson(identities: Map<string, Identity>, add: Add): void {
  const all = [...identities.values()].filter((i) => i.spellings.length > 0);
  const blocks = new Map<string, Set<number>>();
  all.forEach((who, n) => {
    for (const spelling of who.spellings) for (const key of blockingKeys(spelling.text)) (blocks.get(key) ?? blocks.set(key, new Set()).get(key)!).add(n);
  });
  const seen = new Set<string>();
  const pairs: Array<{ a: Identity; b: Identity; match: NameMatch; sa: Spelling; sb: Spelling }> = [];
  for (const members of blocks.values()) {
    if (members.size < 2) continue;
    const ids = [...members];
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const key = ids[x]! < ids[y]! ? `${ids[x]}:${ids[y]}` : `${ids[y]}:${ids[x]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = all[ids[x]!]!;
        const b = all[ids[y]!]!;
        if (a.distinct.has(b.id) || b.distinct.has(a.id)) continue;
        let best: { match: NameMatch; sa: Spelling; sb: Spelling } | undefined;
        for (const sa of a.spellings) {
          for (const sb of b.spellings) {
            const match = compareNames(sa.text, sb.text);
            if (match && (!best || match.confidence > best.match.confidence)) best = { match, sa, sb };
          }
        }
        if (best) pairs.push({ a, b, ...best });
      }
    }
  }
  pairs.sort((p, q) => q.match.confidence - p.match.confidence || (p.a.id < q.a.id ? -1 : 1));
  for (const { a, b, match, sa, sb } of pairs) {
    // The finding sits on the spelling that is more likely the variant: the one seen less.
    const [keep, drop, keepSpelling, dropSpelling] = rank(a, b) >= 0 ? [a, b, sa, sb] : [b, a, sb, sa];
    const where = (who: Identity) => `${who.registered ? who.id : 'not registered'}; ${who.events.size} event${who.events.size === 1 ? '' : 's'}${who.events.size > 0 ? `: ${[...who.events].slice(0, 3).join(', ')}${who.events.size > 3 ? ', …' : ''}` : ''}`;
    add(
      dropSpelling.file,
      dropSpelling.path,
      'likely-same-person',
      'warning',
      `"${dropSpelling.text}" (${where(drop)}) and "${keepSpelling.text}" (${where(keep)}) are probably one person: ${match.reason} (confidence ${match.confidence.toFixed(2)}). If so, run \`hub people merge ${keep.id} ${drop.id}\`; if not, \`hub people distinct ${keep.id} ${drop.id}\``,
      { names: [keepSpelling.text, dropSpelling.text], confidence: match.confidence },
    );
  }
}

/** Positive when `a` should be kept over `b`: registered, then seen at more events. */
function rank(a: Identity, b: Identity): number {
  return Number(a.registered) - Number(b.registered) || a.events.size - b.events.size || (a.id < b.id ? 1 : -1);
}

function mixedScript(loaded: LoadedArchive, add: Add): void {
  const check = (text: unknown, file: string, at: PathSegment[], what: string) => {
    if (typeof text !== 'string') return;
    for (const mixed of findMixedScript(text)) {
      const letters = mixed.chars.map((c) => `${c.script} ${c.char} (${c.codepoint})${c.latin ? ` looks like Latin ${c.latin}` : ''}`).join(', ');
      add(file, at, 'mixed-script', 'error', `the ${what} "${text}" has "${mixed.word}", which mixes Latin with ${letters}${mixed.fixed ? `: write "${mixed.fixed}"` : ''}`, { names: [text] });
    }
  };
  for (const person of loaded.people) {
    check(person.data.name, person.file.path, ['name'], 'name');
    list(person.data.aliases).forEach((alias, i) => check(alias, person.file.path, ['aliases', i], 'alias'));
  }
  for (const org of loaded.organizations) {
    check(org.data.name, org.file.path, ['name'], 'organisation name');
    list(org.data.aliases).forEach((alias, i) => check(alias, org.file.path, ['aliases', i], 'organisation alias'));
  }
  for (const event of loaded.events) {
    const file = event.file.path;
    check(event.data.title, file, ['title'], 'title');
    list(event.data.speakers).forEach((s, i) => isObject(s) && (check(s.name, file, ['speakers', i, 'name'], 'name'), check(s.organization, file, ['speakers', i, 'organization'], 'organisation')));
    for (const key of ['organizers', 'partners'] as const) list(event.data[key]).forEach((ref, i) => check(ref, file, [key, i], 'organisation'));
    list(event.data.quotes).forEach((q, i) => isObject(q) && check(q.speaker, file, ['quotes', i, 'speaker'], 'name'));
  }
}

function unregisteredSpeakers(identities: Map<string, Identity>, add: Add): void {
  for (const who of identities.values()) {
    if (who.registered || who.events.size < 2) continue;
    const first = who.spellings[0]!;
    add(first.file, first.path, 'unregistered-speaker', 'warning', `"${first.text}" spoke at ${who.events.size} events (${[...who.events].join(', ')}) but is not in the people registry: add them with \`hub add-person "${first.text}"\``, {
      names: who.spellings.map((s) => s.text),
    });
  }
}

function organisationsByName(loaded: LoadedArchive, add: Add): void {
  const registry = buildOrganizationRegistry(loaded.organizations.map((o) => ({ id: o.id, data: o.data })));
  const check = (ref: unknown, event: LoadedEvent, at: PathSegment[]) => {
    if (typeof ref !== 'string' || registry.byId.has(ref)) return;
    const resolved = resolveRef(registry, ref);
    if (resolved.registered) add(event.file.path, at, 'organisation-by-name', 'warning', `"${ref}" is the registered organisation \`${resolved.id}\`: write its id, \`${resolved.id}\`, so a renamed organisation stays linked`);
  };
  for (const event of loaded.events) {
    for (const key of ['organizers', 'partners'] as const) list(event.data[key]).forEach((ref, i) => check(ref, event, [key, i]));
    list(event.data.speakers).forEach((s, i) => isObject(s) && check(s.organization, event, ['speakers', i, 'organization']));
    list(event.data.presentations).forEach((p, i) => isObject(p) && check(p.organization, event, ['presentations', i, 'organization']));
  }
}

function suspiciousValues(loaded: LoadedArchive, add: Add): void {
  const spacing = (text: unknown, file: string, at: PathSegment[], what: string) => {
    if (typeof text !== 'string') return;
    if (/^\s|\s$/.test(text)) add(file, at, 'spacing', 'warning', `the ${what} "${text}" starts or ends with a space: remove it`);
    else if (/ {2,}/.test(text)) add(file, at, 'spacing', 'warning', `the ${what} "${text}" has doubled spaces: use one`);
  };
  const capitals = (text: unknown, file: string, at: PathSegment[], what: string) => {
    if (typeof text !== 'string') return;
    const words = text.match(/\p{L}{2,}/gu) ?? [];
    if (words.length >= 2 && words.every((w) => w === w.toUpperCase() && w !== w.toLowerCase())) add(file, at, 'all-capitals', 'warning', `the ${what} "${text}" is all in capitals: write it as it is usually written`);
  };
  for (const event of loaded.events) {
    const file = event.file.path;
    spacing(event.data.title, file, ['title'], 'title');
    capitals(event.data.title, file, ['title'], 'title');
    if (event.data.attendance?.participants === 0) add(file, ['attendance', 'participants'], 'zero-participants', 'warning', 'a participant count of 0: leave `participants` out if the number is not known');
    if (list(event.data.sources).length === 0) add(file, ['title'], 'no-sources', 'warning', 'this event has no `sources`: add where the facts come from (an article, a programme)');
    list(event.data.speakers).forEach((s, i) => isObject(s) && (spacing(s.name, file, ['speakers', i, 'name'], 'name'), capitals(s.name, file, ['speakers', i, 'name'], 'name')));
  }
  for (const person of loaded.people) {
    spacing(person.data.name, person.file.path, ['name'], 'name');
    capitals(person.data.name, person.file.path, ['name'], 'name');
  }
}

/** Places every finding in its file; with many files, on worker threads (a position costs a full parse). */
async function locate(loaded: LoadedArchive, pending: Pending[]): Promise<Finding[]> {
  const byFile = new Map<string, Pending[]>();
  for (const p of pending) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const files = new Map([...loaded.events, ...loaded.people, ...loaded.organizations].map((r) => [r.file.path, r.file]));
  const targets = [...byFile.keys()].map((file) => files.get(file)!).filter(Boolean);
  const findings: Finding[] = [];
  const { mapInOrder } = await import('../read-records.js');
  await mapInOrder<Issue[]>(targets, { kind: 'locate', issues: Object.fromEntries(byFile) }, () => null, (file, located) => {
    const items = byFile.get(file.path)!;
    located.forEach((issue, i) => {
      const { names, confidence } = items[i]!;
      findings.push({ ...issue, ...(names ? { names } : {}), ...(confidence !== undefined ? { confidence } : {}) });
    });
  });
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}
