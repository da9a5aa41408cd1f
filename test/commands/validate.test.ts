import { describe, expect, it } from 'vitest';
import { copyBundledArchive, eventYaml, makeArchive, tempDir, writeFile } from '../helpers/archive.js';
import { runHub } from '../helpers/run.js';

describe('hub validate', () => {
  it('passes the bundled archive', async () => {
    const root = copyBundledArchive();
    const result = await runHub(['validate'], { cwd: root });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/✓ 23 records checked, no problems/);
    expect(result.code).toBe(0);
  });

  it('reports each problem of a broken copy at its line and column, and exits 1', async () => {
    const root = copyBundledArchive();
    writeFile(root, 'events/2024/2024-05-01-broken.yaml', [
      'title: Broken',                    // 1
      'type: webinar',                    // 2
      'start: 2024-05-32',                // 3: bad date
      'speakrs:',                         // 4: misspelt key
      '  - person: alikhan-baimenof',     // 5: unknown person
      'location:',                        // 6
      '  country: Korea',                 // 7: country name
      '',
    ].join('\n'));
    writeFile(root, 'events/2024/2024-05-02-missing.yaml', 'type: webinar\nstart: 2024-05-02\n');
    writeFile(root, 'events/2024/2024-05-03-syntax.yaml', 'title: [unclosed\ntype: webinar\nstart: 2024-05-03\n');
    writeFile(root, 'events/2024/2024-05-04-person.yaml', eventYaml({ start: '2024-05-04', speakers: '\n  - person: alikhan-baimenof\n    role: chair' }));
    const result = await runHub(['validate'], { cwd: root });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'events/2024/2024-05-01-broken.yaml:3:8  `start` must be a date like 2024-04-12, 2024-04 or 2024: `2024-05-32` is not a real date (May 2024 has 31 days)',
      'events/2024/2024-05-01-broken.yaml:4:1  unknown key `speakrs` (did you mean `speakers`?)',
      'events/2024/2024-05-01-broken.yaml:7:12  `Korea` is not an ISO 3166 code: did you mean KR (Republic of Korea) or KP (North Korea)?',
      'events/2024/2024-05-02-missing.yaml:1:1  missing required key `title`: an event needs `title`, `type` and `start`',
      'events/2024/2024-05-03-syntax.yaml:1:8  this `[` is never closed: add the closing `]` (a list written over several lines goes on indented under its key)',
      'events/2024/2024-05-04-person.yaml:5:13  unknown person id `alikhan-baimenof` (did you mean `alikhan-baimenov`?): add people/alikhan-baimenof.yaml with `hub add-person`, or write `name:` with the full name instead',
    ]);
    expect(result.stderr).toMatch(/✗ 27 records checked: 6 errors in 4 files/);
  });

  it('a person given by part of an id, or by name, says how to write it, once', async () => {
    const root = copyBundledArchive();
    writeFile(root, 'events/2024/2024-05-04-person.yaml', eventYaml({ start: '2024-05-04', speakers: '\n  - person: baimenov\n  - person: Alikhan Baimenov' }));
    const result = await runHub(['validate', 'events/2024/2024-05-04-person.yaml'], { cwd: root });
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'events/2024/2024-05-04-person.yaml:5:13  unknown person id `baimenov` (did you mean `alikhan-baimenov`?): add people/baimenov.yaml with `hub add-person`, or write `name:` with the full name instead',
      'events/2024/2024-05-04-person.yaml:6:13  `person` must be an id (lowercase kebab-case ASCII such as alikhan-baimenov), not `Alikhan Baimenov`: for a name as written, use `name: Alikhan Baimenov`',
    ]);
  });

  it('warns of a value a glued # cut short, and exits 0 when nothing else is wrong', async () => {
    const root = makeArchive({ 'events/2024/2024-01-02-x.yaml': 'title: Top #10 reforms\ntype: webinar\nstart: 2024-01-02 # the first day\n' });
    const result = await runHub(['validate'], { cwd: root });
    expect([result.code, result.stdout]).toEqual([
      0,
      'events/2024/2024-01-02-x.yaml:1:12  warning: `#10 reforms` is read as a YAML comment, so `title` is `Top`: if it belongs to the text, quote the value, as `title: "Top #10 reforms"`\n',
    ]);
    expect(result.stderr).toMatch(/1 record checked: 1 warning in 1 file/);
    const json = await runHub(['validate', '--format', 'json'], { cwd: root });
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ line: 1, col: 12, rule: 'comment-in-text', severity: 'warning' })]);
  });

  it('checks what a misnamed or misplaced file holds, beside saying where it belongs', async () => {
    const root = makeArchive({
      'events/2024-01-02-loose.yaml': 'title: Loose\ntype: webinr\nstart: 2024-01-02\n',
      'organizations/Some_Body.yaml': 'name: Some Body\nkind: ministry\n',
      'people/jane.yml': 'name: Jane\ncountry: Kazakhstan\n',
    });
    const result = await runHub(['validate'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'events/2024-01-02-loose.yaml:1:1  event records live in events/<YYYY>/: move 2024-01-02-loose.yaml into the folder of its start year',
      expect.stringMatching(/^events\/2024-01-02-loose\.yaml:2:7  `type` cannot be `webinr`: .*did you mean `webinar`/),
      'organizations/Some_Body.yaml:1:1  `Some_Body` is not a valid id (lowercase kebab-case ASCII, at most 120 characters): rename the file to some-body.yaml',
      expect.stringMatching(/^organizations\/Some_Body\.yaml:2:7  `kind` cannot be `ministry`: use one of /),
      'people/jane.yml:1:1  record files end in .yaml: rename jane.yml to jane.yaml',
      'people/jane.yml:2:10  `Kazakhstan` is not an ISO 3166 code: use KZ (Kazakhstan)',
    ]);
    expect(result.stderr).toMatch(/3 records checked: 6 errors in 3 files/);
  });

  it('gives JSON for CI and editors', async () => {
    const root = makeArchive({ 'events/2024/2024-01-02-x.yaml': 'title: X\ntype: party\nstart: 2024-01-02\n' });
    const result = await runHub(['validate', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'events/2024/2024-01-02-x.yaml',
        line: 2,
        col: 7,
        rule: 'schema',
        severity: 'error',
        message: expect.stringMatching(/^`type` cannot be `party`: use one of conference, /),
      },
    ]);
  });

  it('checks rules across records', async () => {
    const root = makeArchive({
      'events/2024/2024-01-02-a.yaml': eventYaml({ start: '2024-01-02', part_of: '2024-01-03-b' }),
      'events/2024/2024-01-03-b.yaml': eventYaml({ start: '2024-01-03', part_of: '2024-01-02-a' }),
      'events/2023/2024-01-04-c.yaml': eventYaml({ start: '2024-01-04', end: '2024-01-01' }),
      'events/2024/bad-prefix.yaml': eventYaml({ start: '2024-01-05', part_of: 'nowhere' }),
      'events/2025/2024-01-02-a.yaml': eventYaml({ start: '2024-01-02' }),
      'events/2024/2024-01-06-q.yaml': eventYaml({ start: '2024-01-06', speakers: '[{ name: A. Person }]', quotes: '[{ speaker: Someone Else, text: hi }]' }),
      'people/a.yaml': 'name: Same Name\n',
      'people/b.yaml': 'name: Other\naliases: [same name]\n',
    });
    const result = await runHub(['validate', '--format', 'json'], { cwd: root });
    const rules = (JSON.parse(result.stdout) as Array<{ file: string; rule: string; message: string }>).map((i) => `${i.file} ${i.rule}`);
    expect(rules).toEqual([
      'events/2023/2024-01-04-c.yaml event-folder',
      'events/2023/2024-01-04-c.yaml end-before-start',
      'events/2024/2024-01-02-a.yaml part-of',
      'events/2024/2024-01-03-b.yaml part-of',
      'events/2024/2024-01-06-q.yaml quote-speaker',
      'events/2024/bad-prefix.yaml event-id',
      'events/2024/bad-prefix.yaml part-of',
      'events/2025/2024-01-02-a.yaml duplicate-id',
      'events/2025/2024-01-02-a.yaml event-folder',
      'people/b.yaml name-conflict',
    ]);
    const messages = (JSON.parse(result.stdout) as Array<{ file: string; rule: string; message: string }>).filter((i) => i.file === 'events/2024/bad-prefix.yaml' && i.rule === 'part-of');
    const endBefore = (JSON.parse(result.stdout) as Array<{ rule: string; message: string }>).find((i) => i.rule === 'end-before-start');
    expect(endBefore?.message).toBe('`end` (2024-01-01) is before `start` (2024-01-04): correct one of the two; a one-day event needs no `end`');
    const conflict = (JSON.parse(result.stdout) as Array<{ file: string; rule: string; line: number; col: number }>).find((i) => i.rule === 'name-conflict');
    // At the alias that repeats the other person's name, not at this person's own name.
    expect(conflict).toMatchObject({ file: 'people/b.yaml', line: 2, col: 11 });
    expect(messages.map((i) => i.message)).toEqual(['`part_of` names `nowhere`, which is not an event in the archive: give the id (file name without .yaml) of the event this one is part of, or remove `part_of`']);
  });

  it('reports a broken file without stopping the others, one file at a time', async () => {
    const root = makeArchive({
      'events/2024/2024-01-01-deep.yaml': `title: ${'['.repeat(900)}${']'.repeat(900)}\n`,
      'events/2024/2024-01-02-deep.yaml': `title: ${'['.repeat(900)}${']'.repeat(900)}\n`,
      'events/2024/2024-01-03-bomb.yaml': ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n'),
      'events/2024/2024-01-04-binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'events/2024/2024-01-05-latin1.yaml': Buffer.from('title: caf\xe9\n', 'latin1'),
      'events/2024/2024-01-06-huge.yaml': `title: x\ntype: other\nstart: 2024-01-06\nsummary: ${'x'.repeat(1_100_000)}\n`,
      'events/2024/2024-01-07-dupkey.yaml': 'title: a\ntitle: b\ntype: other\nstart: 2024-01-07\n',
      'events/2024/2024-01-08-good.yaml': eventYaml({ start: '2024-01-08' }),
    });
    const result = await runHub(['validate', '--format', 'json'], { cwd: root });
    const found = (JSON.parse(result.stdout) as Array<{ file: string; line: number; col: number; rule: string }>).map((i) => `${i.file.slice(12)} ${i.line}:${i.col} ${i.rule}`);
    expect(found).toEqual([
      '2024-01-01-deep.yaml 1:72 too-deep',
      '2024-01-02-deep.yaml 1:72 too-deep',
      '2024-01-03-bomb.yaml 2:8 yaml',
      '2024-01-04-binary.yaml 1:5 binary',
      '2024-01-05-latin1.yaml 1:11 encoding',
      '2024-01-06-huge.yaml 1:1 too-large',
      '2024-01-07-dupkey.yaml 2:1 yaml',
    ]);
    const events = await runHub(['events', '--format', 'json'], { cwd: root });
    expect((JSON.parse(events.stdout) as Array<{ id: string }>).map((e) => e.id)).toEqual(['2024-01-08-good']);
    expect(events.stderr).toMatch(/7 record files have problems and are left out of the index/);
  });

  it('narrows the report to the paths given, relative to where the user stands', async () => {
    const root = makeArchive({
      'events/2024/2024-01-01-a.yaml': 'title: A\ntype: nope\nstart: 2024-01-01\n',
      'events/2023/2023-01-01-b.yaml': 'title: B\ntype: nope\nstart: 2023-01-01\n',
    });
    const result = await runHub(['validate', 'archive/events/2024'], { cwd: root.replace(/\/archive$/, '') });
    expect(result.stdout).toMatch(/^archive\/events\/2024\/2024-01-01-a\.yaml:2:7  /);
    expect(result.stdout).not.toMatch(/2023/);
    const missing = await runHub(['validate', 'no/such/file.yaml'], { cwd: root });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no\/such\/file\.yaml does not exist\nhint: give a path from here or from the archive's folder \(\.\)\n/);
    const elsewhere = tempDir();
    const outside = await runHub(['validate', elsewhere], { cwd: root });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(`error: ${elsewhere} is outside the archive at .\nhint: give files or folders inside it, or name the other archive with --archive DIR\n`);
  });

  it('reports files in the wrong place or with names that are not ids', async () => {
    const root = makeArchive({
      'events/2024-01-01-loose.yaml': eventYaml({ start: '2024-01-01' }),
      'events/2024/2024-01-02-Bad_Name.yaml': eventYaml({ start: '2024-01-02' }),
      'events/2024/2024-01-03-x.yml': eventYaml({ start: '2024-01-03' }),
      'events/misc/2024-01-04-y.yaml': eventYaml({ start: '2024-01-04' }),
    });
    const result = await runHub(['validate'], { cwd: root });
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'events/2024-01-01-loose.yaml:1:1  event records live in events/<YYYY>/: move 2024-01-01-loose.yaml into the folder of its start year',
      'events/2024/2024-01-02-Bad_Name.yaml:1:1  `2024-01-02-Bad_Name` is not a valid id (lowercase kebab-case ASCII, at most 120 characters): rename the file to 2024-01-02-bad-name.yaml',
      'events/2024/2024-01-03-x.yml:1:1  record files end in .yaml: rename 2024-01-03-x.yml to 2024-01-03-x.yaml',
      'events/misc:1:1  events/misc is not a year folder: event records live in events/<YYYY>/',
    ]);
  });
});
