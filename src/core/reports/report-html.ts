import { formatChange, headline, MONTHS, type AnnualFigures } from './annual.js';
import { barChart, columnChart, escapeXml, type Bar } from './charts.js';
import { describeParticipants } from './summary-md.js';

const STYLE = `
  :root { color-scheme: light; }
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #222; max-width: 60rem; margin: 2rem auto; padding: 0 1.2rem; }
  h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
  .lead { color: #555; margin-top: 0; }
  .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem; margin: 1.2rem 0; }
  .figure { border: 1px solid #ddd; border-radius: 6px; padding: .6rem .8rem; }
  .figure b { display: block; font-size: 1.6rem; } .figure small { color: #555; } .change { color: #1f5f8b; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid #eee; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } td.d { white-space: nowrap; }
  svg.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0 1rem; }
  .legend { font-size: .85rem; color: #555; } .swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: middle; margin: 0 .2rem 0 .6rem; }
  @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } svg.chart, table, .figures { break-inside: avoid; } }
`;

const e = escapeXml;

/** report.html: one self-contained page (inline CSS and SVG, no script, no network) for reading and printing. */
export function renderReportHtml(f: AnnualFigures, other?: AnnualFigures): string {
  const before = other ? headline(other) : undefined;
  const figures = headline(f)
    .map((n, i) => `<div class="figure"><small>${e(n.label)}</small><b>${n.value ?? '—'}</b>${before ? `<small>${other!.year}: ${before[i]!.value ?? '—'} <span class="change">${formatChange(n.value, before[i]!.value)}</span></small>` : ''}</div>`)
    .join('');
  const months: Bar[] = MONTHS.map((label, i) => ({ label, value: f.byMonth[i]!, ...(other ? { before: other.byMonth[i]! } : {}) }));
  if (f.undatedMonth > 0 || (other?.undatedMonth ?? 0) > 0) months.push({ label: '?', value: f.undatedMonth, ...(other ? { before: other.undatedMonth } : {}) });
  const previousCountries = new Map(other?.countries.map((c) => [c.code, c.speakers]) ?? []);
  const countryBars: Bar[] = f.countries
    .filter((c) => c.speakers > 0)
    .slice(0, 12)
    .map((c) => ({ label: `${c.name} (${c.code})`, value: c.speakers, ...(other ? { before: previousCountries.get(c.code) ?? 0 } : {}) }));
  const previousTopics = new Map(other?.topics.map((t) => [t.topic, t.events]) ?? []);
  const topicBars: Bar[] = f.topics.slice(0, 12).map((t) => ({ label: t.topic, value: t.events, ...(other ? { before: previousTopics.get(t.topic) ?? 0 } : {}) }));
  const typeBars: Bar[] = f.byType.map((t) => ({ label: t.key, value: t.count }));
  const legend = other
    ? `<p class="legend"><span class="swatch" style="background:#1f5f8b"></span>${f.year}<span class="swatch" style="background:#a9c4d8"></span>${other.year}</p>`
    : '';
  const rows = (cells: string[][], numeric: number[] = [], dates: number[] = []) =>
    cells.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : dates.includes(i) ? ' class="d"' : ''}>${c}</td>`).join('')}</tr>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Annual review ${f.year}: Astana Civil Service Hub events</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Annual review ${f.year}</h1>
<p class="lead">Events and participation of the Astana Civil Service Hub, from the archive${other ? `, compared with ${other.year}` : ''}.</p>
<section class="figures">${figures}</section>
<p>Participants: ${e(describeParticipants(f))}. Speakers: ${f.speakers.length} (${f.newSpeakers} new, ${f.returningSpeakers} returning).</p>
<h2>Events per month</h2>
${legend}${columnChart(`Events per month in ${f.year}${other ? ` and ${other.year}` : ''}`, months, { id: 'chart-months' })}
<h2>Speakers by country</h2>
${legend}${barChart(`Speakers by the country they represented, ${f.year}`, countryBars, { id: 'chart-countries' })}
<h2>Topics</h2>
${legend}${barChart(`Events per topic, ${f.year}`, topicBars, { id: 'chart-topics' })}
<h2>Events by type</h2>
${barChart(`Events by type, ${f.year}`, typeBars, { id: 'chart-types' })}
<h2>Events</h2>
<table><thead><tr><th>Date</th><th>Event</th><th>Type</th><th>Place</th><th class="n">Speakers</th></tr></thead>
<tbody>${rows(f.events.map((ev) => [e(ev.start), e(ev.title), e(ev.type), e([ev.city, ev.country].filter(Boolean).join(', ') || (ev.format === 'online' ? 'online' : '')), String(ev.speakers)]), [4], [0])}</tbody></table>
<h2>Speakers</h2>
<table><thead><tr><th>Name</th><th>Country</th><th>Organisation</th><th class="n">Events</th><th></th></tr></thead>
<tbody>${rows(f.speakers.map((s) => [e(s.name), e(s.country ?? ''), e(s.organization ?? ''), String(s.events), s.status]), [3])}</tbody></table>
</body>
</html>
`;
}
