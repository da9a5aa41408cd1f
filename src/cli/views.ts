import type { ChalkInstance } from 'chalk';
import { countryName } from '../core/countries.js';
import type { EventDetails } from '../core/query/show.js';
import type { PersonProfile } from '../core/query/person.js';

/*
 * The terminal views of one event and one person: a page to read rather than a table.
 * Programs get the same facts as JSON.
 */

/** Words folded into lines of at most `width` columns, each line indented. */
export function wrapText(text: string, width: number, indent = '  '): string {
  const lines: string[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if (line !== '' && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    if (line !== '') lines.push(indent + line);
    lines.push('');
  }
  return lines.slice(0, -1).join('\n');
}

const str = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const join = (...parts: Array<string | undefined | null>) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(', ');
const withCountry = (code: string | undefined | null) => (code ? `${code} (${countryName(code) ?? code})` : undefined);

export function renderEvent(details: EventDetails, c: ChalkInstance, width = 80): string {
  const r = details.record;
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push('', c.bold(title), ...lines);
  };
  const field = (label: string, value: string | undefined) => {
    if (value) out.push(`${c.dim(`${label}:`.padEnd(12))}${value}`);
  };
  const org = (ref: unknown) => (typeof ref === 'string' ? (details.names.organizations[ref] ?? ref) : undefined);
  const person = (ref: unknown) => (typeof ref === 'string' ? (details.names.people[ref] ?? ref) : undefined);
  const location = (r.location ?? {}) as Record<string, unknown>;
  const dates = str(r.end) ? `${str(r.start)} – ${str(r.end)}` : str(r.start);
  out.push(c.bold(String(r.title)));
  out.push([dates, str(r.type), str(r.format), r.status && r.status !== 'held' ? str(r.status) : undefined].filter(Boolean).join(' · '));
  field('where', join(str(location.venue), str(location.city), withCountry(str(location.country))));
  field('id', details.id);
  field('file', details.file);
  if (details.parent) field('part of', `${details.parent.title} (${details.parent.id})`);
  else field('part of', str(r.part_of));
  field('series', str(r.series));
  field('theme', str(r.theme));
  field('organisers', list(r.organizers).map(org).join('; '));
  field('partners', list(r.partners).map(org).join('; '));
  field('topics', list(r.topics).map(String).join(', '));
  const attendance = (r.attendance ?? {}) as Record<string, unknown>;
  const people = str(attendance.participants);
  const countries = str(attendance.countries);
  const about = attendance.approximate === true ? 'about ' : '';
  field('attendance', join(people && `${about}${people} participants`, countries && `${countries} countries`));
  field('countries', list(r.countries).map(String).join(', '));
  section(
    'Speakers',
    list(r.speakers).map((entry, i) => {
      const s = entry as Record<string, unknown>;
      const name = details.speakers[i]?.name ?? str(s.name) ?? str(s.person) ?? '';
      const who = [str(s.honorific), name].filter(Boolean).join(' ');
      const role = str(s.role) ? c.dim(` · ${str(s.role)}`) : '';
      const held = join(str(s.position), org(s.organization), str(s.country));
      return `  ${who}${role}${held ? `\n    ${c.dim(held)}` : ''}`;
    }),
  );
  section('Quotes', list(r.quotes).map((q) => {
    const quote = q as Record<string, unknown>;
    return `  ${c.bold(person(quote.speaker) ?? '')}\n${wrapText(`“${String(quote.text)}”`, width, '    ')}`;
  }));
  section('Presentations', list(r.presentations).map((p) => {
    const pres = p as Record<string, unknown>;
    const by = join(person(pres.speaker), org(pres.organization), str(pres.country));
    return `  ${String(pres.title)}${by ? c.dim(` · ${by}`) : ''}${str(pres.url) || str(pres.file) ? `\n    ${str(pres.url) ?? str(pres.file)}` : ''}`;
  }));
  section('Sessions', details.sessions.map((s) => `  ${s.start.padEnd(10)}  ${s.title} ${c.dim(`(${s.id})`)}`));
  if (str(r.summary)) section('Summary', [wrapText(String(r.summary), width)]);
  if (str(r.notes)) section('Notes', [wrapText(String(r.notes), width)]);
  section('Sources', list(r.sources).map((s) => {
    const src = s as Record<string, unknown>;
    return `  ${join(str(src.title), str(src.published))}${str(src.url) ? `\n    ${str(src.url)}` : ''}`;
  }));
  return `${out.join('\n')}\n`;
}

export function renderPerson(p: PersonProfile, c: ChalkInstance, width = 80): string {
  const out: string[] = [];
  out.push(`${c.bold([p.honorific, p.name].filter(Boolean).join(' '))} ${c.dim(`(${p.id}${p.registered ? '' : ', not in the people registry'})`)}`);
  const current = join(p.position, p.organization, withCountry(p.country));
  if (current) out.push(current);
  if (p.aliases.length > 0) out.push(`${c.dim('aliases:')} ${p.aliases.join('; ')}`);
  if (p.spellings.length > 0) out.push(`${c.dim('also written:')} ${p.spellings.join('; ')}`);
  for (const link of p.links) out.push(`${c.dim('link:')} ${link}`);
  out.push('', c.bold(`Appearances (${p.appearances.length} at ${p.events} event${p.events === 1 ? '' : 's'})`));
  for (const a of p.appearances) {
    out.push(`  ${a.start.padEnd(10)}  ${a.title}${a.role ? c.dim(` · ${a.role}`) : ''}`);
    const held = join(a.position, a.organization, a.country);
    if (held) out.push(`              ${c.dim(held)}`);
  }
  if (p.quotes.length > 0) {
    out.push('', c.bold('Quotes'));
    for (const q of p.quotes) out.push(`  ${q.start.padEnd(10)}  ${q.title}`, wrapText(`“${q.text}”`, width, '              '));
  }
  if (p.presentations.length > 0) {
    out.push('', c.bold('Presentations'));
    for (const pr of p.presentations) out.push(`  ${pr.start.padEnd(10)}  ${pr.title}${pr.url ? c.dim(` ${pr.url}`) : ''}`);
  }
  return `${out.join('\n')}\n`;
}
