import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, render } from '../../src/cli/output.js';
import { Chalk } from 'chalk';
import { formatChange } from '../../src/core/reports/annual.js';
import { barChart, columnChart } from '../../src/core/reports/charts.js';

describe('CSV cells', () => {
  it('join list items with "; ", escaping the separator and the escape inside items', () => {
    expect(csvCell(['hrm', 'R; D', 'a\\b'])).toBe('hrm; R\\; D; a\\\\b');
    expect(csvCell([])).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
  });

  it('neutralise what a spreadsheet would run, and nothing else', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['Türkiye', '2024-04-12', ' =not at start', '']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('neutralise headers too, and keep a line break inside a quoted cell', async () => {
    const csv = await render([{ '=x': 'a\nb' }], [{ key: '=x' }], 'csv', { colors: new Chalk({ level: 0 }) });
    expect(csv).toBe(`'=x\n"a\nb"\n`);
  });
});

describe('charts', () => {
  it('escape labels and titles, and draw one bar per non-zero value', () => {
    const svg = barChart('<script>alert(1)</script>', [{ label: 'A & <B>', value: 2 }, { label: 'zero', value: 0 }], { id: 'c' });
    expect(svg).not.toMatch(/<script>/);
    expect(svg).toMatch(/&lt;script&gt;/);
    expect(svg).toMatch(/A &amp; &lt;B&gt;/);
    expect(svg.match(/<rect /g)).toHaveLength(1);
    const columns = columnChart('Months', [{ label: 'Jan', value: 1, before: 3 }], { id: 'm' });
    expect(columns.match(/<rect /g)).toHaveLength(2);
  });

  it('say the change from another year as a reader expects it', () => {
    expect([formatChange(3, 1), formatChange(1, 3), formatChange(2, 2), formatChange(null, 2)]).toEqual(['+2', '−2', '±0', '—']);
  });
});
