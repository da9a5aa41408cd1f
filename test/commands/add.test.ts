import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyBundledArchive, makeArchive } from '../helpers/archive.js';
import { runHub, runJson } from '../helpers/run.js';

const BAD_EVENT = `title: Panel on HRM
type: panle
start: 2025-13-01
speakers:
  - name: Aigerim Sadykova
    role: speaker
`;

const GOOD_EVENT = `# A comment the author wrote.
type: panel-session
title: Panel on merit in the civil service
start: 2025-11-02
organizers: [acsh]
speakers:
  - name: Aigerim Sadykova
    role: panelist
    country: KZ
  - person: alikhan-baimenov
    role: welcome-speech
quotes:
  - speaker: alikhan-baimenov
    text: "Merit is the foundation of a professional civil service."
`;

const recordFiles = (root: string) => (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort();

describe('hub add-event --from', () => {
  it('refuses a bad record from stdin with located errors, exit 1, and writes nothing', async () => {
    const root = copyBundledArchive();
    const before = recordFiles(root);
    const result = await runHub(['add-event', '--from', '-'], { cwd: root, stdin: BAD_EVENT });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^<stdin>:2:7 {2}`type` cannot be `panle`/m);
    expect(result.stderr).toMatch(/^<stdin>:3:8 {2}`start` must be a date/m);
    expect(result.stderr).toMatch(/^<stdin>:6:11 {2}`role` cannot be `speaker`/m);
    expect(result.stderr).toMatch(/nothing written/);
    expect(recordFiles(root)).toEqual(before);
  });

  it('gives the same messages as hub validate gives for the same record in the archive', async () => {
    const root = copyBundledArchive();
    const added = await runHub(['add-event', '--from', '-'], { cwd: root, stdin: BAD_EVENT });
    const messages = (text: string) => [...text.matchAll(/:(\d+:\d+) {2}(.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const file = makeArchive({ 'events/2025/2025-13-01-panel-on-hrm.yaml': BAD_EVENT });
    const validated = await runHub(['validate', '--format', 'table'], { cwd: file });
    const fromValidate = messages(validated.stdout).filter((m) => !/event-id|starts in|must begin/.test(m));
    expect(messages(added.stderr)).toEqual(fromValidate);
  });

  it('warns, before writing, of a value a glued # cut short', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['add-event', '--from', '-'], { cwd: root, stdin: 'title: Top #1 reforms\ntype: webinar\nstart: 2025-02-03\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^<stdin>:1:12 {2}warning: `#1 reforms` is read as a YAML comment, so `title` is `Top`: if it belongs to the text, quote the value, as `title: "Top #1 reforms"`$/m);
    expect(recordFiles(root)).toContain('events/2025/2025-02-03-top.yaml');
  });

  it('writes a good record in canonical form, prints its path, registers with --register and updates the index', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['add-event', '--from', '-', '--register'], { cwd: root, stdin: GOOD_EVENT });
    expect(result.stderr).toMatch(/registered a new person: people\/aigerim-sadykova\.yaml/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('events/2025/2025-11-02-panel-on-merit-in-the-civil-service.yaml\n');
    const text = readFileSync(path.join(root, 'events/2025/2025-11-02-panel-on-merit-in-the-civil-service.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual(['# yaml-language-server: $schema=../../../schemas/event.schema.json', 'title: Panel on merit in the civil service', 'type: panel-session']);
    expect(parse(text).speakers[0]).toEqual({ person: 'aigerim-sadykova', country: 'KZ', role: 'panelist' });
    expect((await runHub(['validate'], { cwd: root })).code).toBe(0);
    expect((await runHub(['fmt', '--check'], { cwd: root })).code).toBe(0);
    const speakers = await runJson<Array<{ id: string }>>(['speakers', '--event', '2025-11-02-panel-on-merit-in-the-civil-service'], { cwd: root });
    expect(speakers.map((s) => s.id).sort()).toEqual(['aigerim-sadykova', 'alikhan-baimenov']);
  });

  it('without --register keeps unknown names as written and says so', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['add-event', '--from', '-'], { cwd: root, stdin: GOOD_EVENT });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/not in the registries, kept as written: Aigerim Sadykova/);
    expect(existsSync(path.join(root, 'people/aigerim-sadykova.yaml'))).toBe(false);
  });

  it('--dry-run prints the record and its path and writes nothing', async () => {
    const root = copyBundledArchive();
    const before = recordFiles(root);
    const result = await runHub(['add-event', '--from', '-', '--dry-run', '--register'], { cwd: root, stdin: GOOD_EVENT });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# events\/2025\/2025-11-02-panel-on-merit-in-the-civil-service\.yaml$/m);
    expect(result.stdout).toMatch(/^# people\/aigerim-sadykova\.yaml$/m);
    expect(result.stdout).toMatch(/^title: Panel on merit in the civil service$/m);
    expect(result.stderr).toMatch(/dry run: nothing written/);
    // The index (derived, git-ignored) may be brought up to date; no record is written.
    expect(recordFiles(root)).toEqual(before);
  });

  it('reads --from FILE and reports problems against that file', async () => {
    const root = copyBundledArchive();
    const drafts = path.join(root, '..');
    writeFileSync(path.join(drafts, 'draft.yaml'), 'title: x\ntype: webinar\nstart: 2025-02-30\n');
    const result = await runHub(['add-event', '--from', 'draft.yaml'], { cwd: drafts });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^draft\.yaml:3:8 {2}`start` must be a date/m);
    const missing = await runHub(['add-event', '--from', 'nowhere.yaml'], { cwd: root });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read nowhere\.yaml: no such file/);
  });
});

describe('hub add-event with options', () => {
  it('records a minimal event from options alone, transliterating a Cyrillic title into the id', async () => {
    const root = copyBundledArchive();
    const result = await runHub(
      ['add-event', '--title', 'Цифровая трансформация госслужбы', '--type', 'webinar', '--start', '2025-03-14', '--format', 'online', '--country', 'Казахстан', '--topic', 'digital-transformation', '--topic', 'hrm', '--organizer', 'ACSH'],
      { cwd: root },
    );
    expect(result.stderr).toMatch(/recorded/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('events/2025/2025-03-14-tsifrovaya-transformatsiya-gossluzhby.yaml\n');
    const data = parse(readFileSync(path.join(root, result.stdout.trim()), 'utf8'));
    expect(data).toEqual({
      title: 'Цифровая трансформация госслужбы',
      type: 'webinar',
      start: '2025-03-14',
      format: 'online',
      location: { country: 'KZ' },
      organizers: ['ACSH'],
      topics: ['digital-transformation', 'hrm'],
    });
    const events = await runJson<Array<{ id: string }>>(['events', '--year', '2025'], { cwd: root });
    expect(events.map((e) => e.id)).toEqual(['2025-03-14-tsifrovaya-transformatsiya-gossluzhby']);
  });

  it('names the option that set a bad value, and the missing fields', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['add-event', '--title', 'x', '--type', 'webinar', '--start', '2025', '--end', '2024', '--country', 'Narnia'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^--end {2}`end` \(2024\) is before `start` \(2025\)/m);
    expect(result.stderr).toMatch(/^--country {2}`Narnia` is not an ISO 3166/m);
    const missing = await runHub(['add-event', '--type', 'webinar', '--start', '2025'], { cwd: root });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing required key `title`/);
    expect(missing.stderr).not.toMatch(/event id|sits in/);
  });

  it('takes --id, refuses one that is taken or could leave the folder, and suffixes a generated id that is taken', async () => {
    const root = copyBundledArchive();
    const base = ['add-event', '--type', 'webinar', '--start', '2024-04-12'];
    const escape = await runHub([...base, '--title', 'X', '--id', '../../etc/passwd'], { cwd: root });
    expect(escape.code).toBe(1);
    expect(escape.stderr).toMatch(/^--id {2}`\.\.\/\.\.\/etc\/passwd` is not a valid id/m);
    const taken = await runHub([...base, '--title', 'X', '--id', '2024-04-12-aspa-annual-conference'], { cwd: root });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already the id of events\/2024\/2024-04-12-aspa-annual-conference\.yaml/);
    const wrongStart = await runHub([...base, '--title', 'X', '--id', '2023-x'], { cwd: root });
    expect(wrongStart.stderr).toMatch(/^--id {2}an event id begins with its start date as written: `2024-04-12-…`/m);
    const chosen = await runHub([...base, '--title', 'X', '--id', '2024-04-12-my-id'], { cwd: root });
    expect(chosen.stdout).toBe('events/2024/2024-04-12-my-id.yaml\n');
    // A different event whose title makes the same id gets a suffix; the same event is refused.
    const other = await runHub([...base, '--title', 'ASPA annual conference!'], { cwd: root });
    expect(other.code).toBe(0);
    expect(other.stdout).toBe('events/2024/2024-04-12-aspa-annual-conference-2.yaml\n');
    expect(other.stderr).toMatch(/the id `2024-04-12-aspa-annual-conference` is taken by events\/2024\/2024-04-12-aspa-annual-conference\.yaml: this event gets `2024-04-12-aspa-annual-conference-2`/);
    const same = await runHub(['add-event', '--type', 'conference', '--start', '2024-04-12', '--title', '2024 ASPA Annual Conference'], { cwd: root });
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/already recorded as events\/2024\/2024-04-12-aspa-annual-conference\.yaml/);
  });

  it('asks for input instead of waiting when there is nothing to record and no terminal', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['add-event'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing to record: give --from FILE, --from -/);
  });

  it('refuses a YAML alias bomb and an oversized input cleanly', async () => {
    const root = copyBundledArchive();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), 'title: t', 'type: webinar', 'start: 2025'].join('\n');
    const result = await runHub(['add-event', '--from', '-'], { cwd: root, stdin: bomb });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^<stdin>:\d+:\d+ {2}too many aliases/m);
    const huge = await runHub(['add-event', '--from', '-'], { cwd: root, stdin: `title: ${'x'.repeat(2 * 1024 * 1024)}\n` });
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/^<stdin>:1:1 {2}.*(large|MiB|limit)/m);
  });
});

describe('hub add-person and hub add-org', () => {
  it('registers a person with aliases, and refuses a name the registry already has', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['add-person', 'Aigerim Sadykova', '--honorific', 'Ms.', '--alias', 'A. Sadykova', '--country', 'Kazakhstan', '--organization', 'civil-service-agency-kz'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('people/aigerim-sadykova.yaml\n');
    expect(parse(readFileSync(path.join(root, 'people/aigerim-sadykova.yaml'), 'utf8'))).toEqual({
      name: 'Aigerim Sadykova',
      honorific: 'Ms.',
      aliases: ['A. Sadykova'],
      country: 'KZ',
      organization: 'civil-service-agency-kz',
    });
    const person = await runJson<{ id: string; aliases: string[] }>(['person', 'A. Sadykova'], { cwd: root });
    expect(person.id).toBe('aigerim-sadykova');
    // Spellings compare after case folding and punctuation: "mr baimenov" is the alias "Mr.Baimenov".
    const alias = await runHub(['add-person', '--name', 'MR. BAIMENOV'], { cwd: root });
    expect(alias.code).toBe(1);
    expect(alias.stderr).toMatch(/already in the registry as people\/alikhan-baimenov\.yaml: add other spellings to its `aliases` instead/);
  });

  it('registers an organisation, checking its kind and country', async () => {
    const root = copyBundledArchive();
    const bad = await runHub(['add-org', '--name', 'UNDP Kazakhstan', '--country', 'Kazakstan'], { cwd: root });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^--country {2}`Kazakstan` is not an ISO 3166 code: did you mean KZ/m);
    const usage = await runHub(['add-org', '--name', 'UNDP', '--kind', 'charity'], { cwd: root });
    expect(usage.code).toBe(2);
    const result = await runHub(['add-org', 'United Nations Development Programme', '--acronym', 'UNDP', '--kind', 'international', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ id: 'united-nations-development-programme', path: 'organizations/united-nations-development-programme.yaml', registered: [] });
    expect(parse(readFileSync(path.join(root, 'organizations/united-nations-development-programme.yaml'), 'utf8'))).toEqual({ name: 'United Nations Development Programme', acronym: 'UNDP', kind: 'international' });
    expect((await runHub(['validate'], { cwd: root })).code).toBe(0);
  });
});
