import { formatChange, headline, MONTHS, type AnnualFigures, type Tally } from './annual.js';

/** Text for a Markdown table cell: pipes and line breaks would end the cell. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A Markdown table; columns holding only numbers are right-aligned. */
function table(headers: string[], rows: Array<Array<string | number>>): string {
  const line = (values: Array<string | number>) => `| ${values.map((v) => cell(String(v))).join(' | ')} |`;
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[+−±]\d+$|^—$/.test(String(r[i]))));
  return [line(headers), `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** "250 (1 of 1 counts approximate, e.g. "over 250"; 2 events without a count)". */
export function describeParticipants(f: AnnualFigures): string {
  const p = f.participants;
  if (p.counted === 0) return 'not counted';
  const notes = [
    p.approximate > 0 ? `${p.approximate} of ${p.counted} counts approximate ("over …")` : '',
    p.notCounted > 0 ? `${p.notCounted} event${p.notCounted === 1 ? '' : 's'} without a count` : '',
  ].filter(Boolean);
  return `${p.approximate > 0 ? 'at least ' : ''}${p.total}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

const tallyRows = (tallies: Tally[]) => tallies.map((t) => [t.key, t.count]);

/** summary.md: the headline figures and, with a second year, the change from it. */
export function renderSummary(f: AnnualFigures, other?: AnnualFigures): string {
  const lines: string[] = [`# Annual review ${f.year}`, ''];
  lines.push(`Events and participation of the Astana Civil Service Hub in ${f.year}, from the archive.`, '');
  const numbers = headline(f);
  if (other) {
    const before = headline(other);
    lines.push(table(['', String(f.year), String(other.year), 'change'], numbers.map((n, i) => [n.label, n.value ?? '—', before[i]!.value ?? '—', formatChange(n.value, before[i]!.value)])));
  } else {
    lines.push(table(['', String(f.year)], numbers.map((n) => [n.label, n.value ?? '—'])));
  }
  lines.push('', `Participants: ${describeParticipants(f)}.`, '');
  lines.push(`Speakers: ${f.speakers.length} (${f.newSpeakers} new, ${f.returningSpeakers} returning), in ${f.appearances.length} appearance${f.appearances.length === 1 ? '' : 's'}.`, '');
  lines.push('## Events by type', '', table(['type', 'events'], tallyRows(f.byType)), '');
  lines.push('## Events by format', '', table(['format', 'events'], tallyRows(f.byFormat)), '');
  const months = MONTHS.map((m, i) => [m, f.byMonth[i]!] as [string, number]).filter(([, n]) => n > 0);
  if (f.undatedMonth > 0) months.push(['month not known', f.undatedMonth]);
  lines.push('## Events by month', '', months.length > 0 ? table(['month', 'events'], months) : 'No events.', '');
  lines.push('## Top countries', '', f.countries.length > 0 ? table(['country', 'events', 'hosted', 'represented', 'speakers'], f.countries.slice(0, 10).map((c) => [`${c.name} (${c.code})`, c.events, c.hosted, c.represented, c.speakers])) : 'None recorded.', '');
  lines.push('## Top topics', '', f.topics.length > 0 ? table(['topic', 'events', 'speakers'], f.topics.slice(0, 10).map((t) => [t.topic, t.events, t.speakers])) : 'None recorded.', '');
  lines.push('## Events', '', f.events.length > 0 ? table(['date', 'event', 'type', 'speakers'], f.events.map((e) => [e.start, e.title, e.type, e.speakers])) : 'No events.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
