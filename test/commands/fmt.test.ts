import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyBundledArchive, makeArchive } from '../helpers/archive.js';
import { runHub } from '../helpers/run.js';

const MESSY = `speakers:
    -   role: panelist
        name: Aigerim Sadykova   # as the source spells her
start: 2025-11-02
# The title was shortened by the organisers.
title: Panel on merit
topics: [hrm,   merit]
type: panel-session
summary: >-
  A panel on merit in the civil service, with a summary long enough to need wrapping when it is written out again by the formatter.
`;

describe('hub fmt', () => {
  it('passes --check on the bundled archive, and formatting it changes nothing', async () => {
    const root = copyBundledArchive();
    const check = await runHub(['fmt', '--check'], { cwd: root });
    expect(check.stderr).toMatch(/✓ 23 record files are in canonical form/);
    expect(check.code).toBe(0);
    const files = ['events/2024/2024-04-12-digital-transformation-hrm-panel.yaml', 'people/facer.yaml'];
    const before = files.map((f) => readFileSync(path.join(root, f)));
    const run = await runHub(['fmt'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(files.map((f) => readFileSync(path.join(root, f)))).toEqual(before);
  });

  it('lists what is not canonical, then rewrites it keeping comments and data, and is idempotent', async () => {
    const root = makeArchive({ 'events/2025/2025-11-02-panel-on-merit.yaml': MESSY, 'people/x.yaml': 'name: X\n' });
    const file = path.join(root, 'events/2025/2025-11-02-panel-on-merit.yaml');
    const check = await runHub(['fmt', '--check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('events/2025/2025-11-02-panel-on-merit.yaml\n');
    expect(check.stderr).toMatch(/1 of 2 record files are not in canonical form: run `hub fmt`/);
    expect(readFileSync(file, 'utf8')).toBe(MESSY);

    const run = await runHub(['fmt'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('events/2025/2025-11-02-panel-on-merit.yaml\n');
    const formatted = readFileSync(file, 'utf8');
    expect(parse(formatted)).toEqual(parse(MESSY));
    expect(formatted).toBe(`# The title was shortened by the organisers.
title: Panel on merit
type: panel-session
start: 2025-11-02
topics: [hrm, merit]
speakers:
  - name: Aigerim Sadykova # as the source spells her
    role: panelist
summary: >-
  A panel on merit in the civil service, with a summary long enough to need wrapping when it
  is written out again by the formatter.
`);
    const again = await runHub(['fmt'], { cwd: root });
    expect(again.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(formatted);
    expect((await runHub(['fmt', '--check'], { cwd: root })).code).toBe(0);
  });

  it('formats only the paths given, and leaves files it cannot format as they are', async () => {
    const anchors = 'title: &t Anchored\ntype: webinar\nstart: 2025\nsummary: *t\n';
    const root = makeArchive({ 'events/2025/2025-anchored.yaml': anchors, 'events/2025/2025-other.yaml': 'type: webinar\ntitle: Other\nstart: 2025\n' });
    const one = await runHub(['fmt', 'events/2025/2025-other.yaml'], { cwd: root });
    expect(one.stdout).toBe('events/2025/2025-other.yaml\n');
    const all = await runHub(['fmt'], { cwd: root });
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(/events\/2025\/2025-anchored\.yaml: cannot be formatted: it uses YAML anchors or aliases/);
    expect(readFileSync(path.join(root, 'events/2025/2025-anchored.yaml'), 'utf8')).toBe(anchors);
    const outside = await runHub(['fmt', '/etc'], { cwd: root });
    expect(outside.code).toBe(2);
  });
});
