/*
 * Bar charts as inline SVG, drawn from the numbers: no script, no network, nothing to load,
 * so the page prints and opens anywhere. Each chart carries a title for screen readers and
 * the numbers on its bars, so it reads without colour.
 */

export interface Bar {
  label: string;
  value: number;
  /** The same measure in the year compared with, drawn as a paler bar beside it. */
  before?: number;
}

export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COLORS = { bar: '#1f5f8b', before: '#a9c4d8', text: '#222', axis: '#888' };

/** Vertical bars, one per label (months). */
export function columnChart(title: string, bars: Bar[], options: { width?: number; height?: number; id: string }): string {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const top = 16;
  const bottom = 28;
  const left = 8;
  const plot = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.before ?? 0)));
  const slot = (width - left * 2) / Math.max(1, bars.length);
  const paired = bars.some((b) => b.before !== undefined);
  const barWidth = Math.max(4, slot * (paired ? 0.36 : 0.6));
  const parts = bars.map((b, i) => {
    const x = left + i * slot + (slot - barWidth * (paired ? 2 : 1)) / 2;
    const h = (b.value / max) * plot;
    const rects = [
      paired ? rect(x, top + plot - ((b.before ?? 0) / max) * plot, barWidth, ((b.before ?? 0) / max) * plot, COLORS.before, `${b.label}: ${b.before ?? 0} (compared year)`) : '',
      rect(paired ? x + barWidth : x, top + plot - h, barWidth, h, COLORS.bar, `${b.label}: ${b.value}`),
    ].join('');
    const cx = left + i * slot + slot / 2;
    const valueText = b.value > 0 ? `<text x="${cx.toFixed(1)}" y="${(top + plot - h - 4).toFixed(1)}" text-anchor="middle" font-size="11" fill="${COLORS.text}">${b.value}</text>` : '';
    return `${rects}${valueText}<text x="${cx.toFixed(1)}" y="${height - 10}" text-anchor="middle" font-size="11" fill="${COLORS.text}">${escapeXml(b.label)}</text>`;
  });
  const axis = `<line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="${COLORS.axis}" stroke-width="1"/>`;
  return svg(options.id, title, width, height, `${axis}${parts.join('')}`);
}

/** Horizontal bars, longest first (countries, topics, types). */
export function barChart(title: string, bars: Bar[], options: { width?: number; id: string }): string {
  const width = options.width ?? 640;
  const row = 22;
  const labelWidth = 210;
  const top = 4;
  const height = top * 2 + Math.max(1, bars.length) * row;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.before ?? 0)));
  const plot = width - labelWidth - 48;
  const parts = bars.map((b, i) => {
    const y = top + i * row;
    const w = (b.value / max) * plot;
    const bw = ((b.before ?? 0) / max) * plot;
    const before =
      b.before !== undefined
        ? rect(labelWidth, y + 14, bw, 5, COLORS.before, `${b.label}: ${b.before} (compared year)`) +
          (b.before > 0 ? `<text x="${(labelWidth + Math.max(w, bw) + 22).toFixed(1)}" y="${y + 14}" font-size="10" fill="${COLORS.axis}">(${b.before})</text>` : '')
        : '';
    return (
      `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end" font-size="12" fill="${COLORS.text}">${escapeXml(clip(b.label, 32))}</text>` +
      rect(labelWidth, y + 3, w, b.before !== undefined ? 10 : 15, COLORS.bar, `${b.label}: ${b.value}`) +
      before +
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 14}" font-size="12" fill="${COLORS.text}">${b.value}</text>`
    );
  });
  const empty = bars.length === 0 ? `<text x="${labelWidth}" y="${top + 15}" font-size="12" fill="${COLORS.axis}">none recorded</text>` : '';
  return svg(options.id, title, width, height, `${parts.join('')}${empty}`);
}

function rect(x: number, y: number, w: number, h: number, fill: string, label: string): string {
  if (w <= 0 || h <= 0) return '';
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"><title>${escapeXml(label)}</title></rect>`;
}

function svg(id: string, title: string, width: number, height: number, body: string): string {
  return `<svg id="${escapeXml(id)}" class="chart" role="img" aria-labelledby="${escapeXml(id)}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${escapeXml(id)}-title">${escapeXml(title)}</title>${body}</svg>`;
}

const clip = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);
