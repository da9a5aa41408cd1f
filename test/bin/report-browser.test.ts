import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { copyBundledArchive, tempDir } from '../helpers/archive.js';
import { runHub } from '../helpers/run.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

/** Debian's chromium, which .ci/run installs; a developer without it is told so, CI fails. */
function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const executable = findChromium();
if (!executable && process.env.CI) throw new Error('chromium is not installed: .ci/run installs Debian\'s chromium package for the report test');

describe.skipIf(!executable)('report.html in headless Chromium', () => {
  it('renders every chart with visible bars, loads nothing from the network, and prints', async () => {
    const root = copyBundledArchive();
    const out = path.join(tempDir(), 'report');
    expect((await runHub(['report', 'annual', '--year', '2024', '--compare', '2020', '--out', out], { cwd: root })).code).toBe(0);
    const browser = await chromium.launch({ executablePath: executable!, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(path.join(out, 'report.html')).href);
      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const bars = [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 0);
          return { id: svg.id, width: box.width, height: box.height, bars: bars.length, title: svg.querySelector('title')?.textContent ?? '' };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(['chart-months', 'chart-countries', 'chart-topics', 'chart-types']);
      for (const chart of charts) {
        expect(chart.width, chart.id).toBeGreaterThan(300);
        expect(chart.height, chart.id).toBeGreaterThan(40);
        expect(chart.bars, chart.id).toBeGreaterThan(0);
        expect(chart.title, chart.id).toMatch(/2024/);
      }
      expect(await page.locator('h1').textContent()).toBe('Annual review 2024');
      expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = path.join(ARTIFACTS, 'report-2024.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(existsSync(shot)).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
