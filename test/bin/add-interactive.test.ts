import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyBundledArchive } from '../helpers/archive.js';
import { KEY, PtySession } from '../helpers/pty.js';
import { runHub } from '../helpers/run.js';

// A real terminal session waits for each screen to settle: slower than the other tests, and slower still on a busy machine.
describe('hub add-event on a terminal', { timeout: 60_000 }, () => {
  it('records a two-speaker event, registering the new speaker, and the result validates and is queryable', async () => {
    const root = copyBundledArchive();
    const session = new PtySession(['add-event'], { cwd: root });
    await session.answer('Title', 'Roundtable on merit-based recruitment');
    await session.expect('Type');
    await session.type(KEY.down.repeat(5));
    await session.answer('roundtable');
    await session.answer('Start date', '2025-06-10');
    await session.answer('End date');
    await session.answer('Format');
    await session.answer('Venue');
    await session.answer('City', 'Astana');
    await session.answer('Host country', 'Kazakh');
    await session.answer('Series');
    await session.answer('Part of another event');
    await session.answer('Theme');
    await session.answer('Add an organiser?', 'y');
    await session.answer('Organiser (type', 'ACSH');
    await session.answer('Add another organiser?');
    await session.answer('Add a partner?');
    await session.expect('Topics');
    await session.type('hrm');
    await session.answer('hrm');
    await session.answer('Topics (so far: hrm)');
    await session.answer('How many took part?');
    await session.answer('From how many countries?');
    await session.answer('Add a represented country?');

    await session.answer('Add a speaker?', 'y');
    await session.answer('Speaker (type', 'Baimenov');
    await session.answer('Honorific');
    await session.answer('Position at this event');
    await session.answer('Organisation they represented');
    await session.answer('Country they represented');
    await session.answer('Role');
    await session.answer('A quote from', 'Merit is the foundation of a professional civil service.');
    await session.answer('A quote from');

    await session.answer('Add another speaker?', 'y');
    await session.answer('Speaker (type', 'Aigerim Sadykova');
    await session.answer('Add "Aigerim Sadykova" to the people registry?');
    await session.answer('Honorific', 'Ms.');
    await session.answer('Position at this event', 'Deputy Chair');
    await session.answer('Organisation they represented', 'Civil Service Agency');
    await session.answer('Country they represented', 'Kazakhstan');
    await session.answer('Role');
    await session.answer('A quote from');
    await session.answer('Add another speaker?');
    await session.answer('Add a presentation?');
    await session.answer('Add a source?');
    await session.answer('Summary');
    await session.answer('Notes');
    await session.expect('people/aigerim-sadykova.yaml');
    await session.answer('Write it?');
    expect(await session.exit()).toBe(0);
    expect(session.screen).toMatch(/events\/2025\/2025-06-10-roundtable-on-merit-based-recruitment\.yaml/);

    const file = path.join(root, 'events/2025/2025-06-10-roundtable-on-merit-based-recruitment.yaml');
    const record = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({
      title: 'Roundtable on merit-based recruitment',
      type: 'roundtable',
      start: '2025-06-10',
      format: 'in-person',
      location: { city: 'Astana', country: 'KZ' },
      organizers: ['acsh'],
      topics: ['hrm'],
      speakers: [
        // Prefilled from his last appearance, accepted with Enter.
        { person: 'alikhan-baimenov', honorific: 'Mr.', position: 'Chairman of the Steering Committee', organization: 'acsh', country: 'KZ', role: 'panelist' },
        { person: 'aigerim-sadykova', honorific: 'Ms.', position: 'Deputy Chair', organization: 'civil-service-agency-kz', country: 'KZ', role: 'panelist' },
      ],
      quotes: [{ speaker: 'alikhan-baimenov', text: 'Merit is the foundation of a professional civil service.' }],
    });
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    expect(parse(readFileSync(path.join(root, 'people/aigerim-sadykova.yaml'), 'utf8'))).toEqual({
      name: 'Aigerim Sadykova',
      honorific: 'Ms.',
      country: 'KZ',
      organization: 'civil-service-agency-kz',
      position: 'Deputy Chair',
    });
    const validate = await runHub(['validate'], { cwd: root });
    expect(validate.code).toBe(0);
    const speakers = await runHub(['speakers', '--event', '2025-06-10-roundtable-on-merit-based-recruitment', '--format', 'json'], { cwd: root });
    expect(speakers.code).toBe(0);
    const rows = JSON.parse(speakers.stdout) as Array<{ id: string; country: string }>;
    expect(rows.map((r) => r.id).sort()).toEqual(['aigerim-sadykova', 'alikhan-baimenov']);
  }, 60_000);

  it('goes through the questions again with every answer as the default after "edit again"', async () => {
    const root = copyBundledArchive();
    const session = new PtySession(['add-event'], { cwd: root });
    await session.answer('Title', 'First title');
    await session.answer('Type');
    await session.answer('Start date', '2025-09');
    await session.enterUntil('Add an organiser?');
    await session.answer('', 'y');
    await session.answer('Organiser (type', 'OECD');
    await session.enterUntil('Write it?');
    await session.type(KEY.down);
    await session.answer('edit again');
    await session.expect('Title');
    await session.answer('First title', 'Second title');
    await session.enterUntil('Write it?');
    await session.answer('');
    expect(await session.exit()).toBe(0);
    const record = parse(readFileSync(path.join(root, 'events/2025/2025-09-second-title.yaml'), 'utf8')) as Record<string, unknown>;
    expect(record).toEqual({ title: 'Second title', type: 'conference', start: '2025-09', format: 'in-person', organizers: ['oecd'] });
  }, 60_000);

  it('adds a person to the registry with hub add-person', async () => {
    const root = copyBundledArchive();
    const session = new PtySession(['add-person'], { cwd: root });
    await session.answer('Full name', 'Aigerim Sadykova');
    await session.answer('Honorific', 'Ms.');
    await session.answer('Other spellings', 'A. Sadykova; Sadykova Aigerim');
    await session.answer('Country they represent', 'Казахстан');
    await session.answer('Organisation', 'Civil Service Agency');
    await session.answer('Current position', 'Deputy Chair');
    await session.answer('Web pages');
    await session.answer('Write it?');
    expect(await session.exit()).toBe(0);
    expect(parse(readFileSync(path.join(root, 'people/aigerim-sadykova.yaml'), 'utf8'))).toEqual({
      name: 'Aigerim Sadykova',
      honorific: 'Ms.',
      aliases: ['A. Sadykova', 'Sadykova Aigerim'],
      country: 'KZ',
      organization: 'civil-service-agency-kz',
      position: 'Deputy Chair',
    });
  }, 30_000);

  it('writes nothing when Ctrl-C is pressed mid-way', async () => {
    const root = copyBundledArchive();
    const before = readdirSync(path.join(root, 'events'), { recursive: true }).length;
    const session = new PtySession(['add-event'], { cwd: root });
    await session.answer('Title', 'An event never finished');
    await session.expect('Type');
    await session.type(KEY.ctrlC);
    expect(await session.exit()).toBe(130);
    expect(session.screen).toMatch(/cancelled: nothing written/);
    expect(session.screen).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(path.join(root, 'events'), { recursive: true }).length).toBe(before);
  }, 30_000);
});
