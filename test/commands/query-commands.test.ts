import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { copyBundledArchive, makeArchive } from '../helpers/archive.js';
import { runHub, runJson } from '../helpers/run.js';

/*
 * The query commands against exact expectations: the bundled archive (real records), and a
 * small archive written in Turkish, Kazakh, Kyrgyz Cyrillic and Korean to check that
 * matching, search and sorting treat every script alike.
 */

const bundled = copyBundledArchive();

const unicode = makeArchive({
  'people/ayse-yilmaz.yaml': 'name: Ayşe Yılmaz\ncountry: TR\n',
  'people/ozlem-celik.yaml': 'name: Özlem Çelik\ncountry: TR\n',
  'people/kanat-abdykadyrov.yaml': 'name: Канат Абдыкадыров\naliases: [Kanat Abdykadyrov]\ncountry: KG\n',
  'people/min-jun-kim.yaml': 'name: 김민준\naliases: [Kim Min-jun]\ncountry: KR\n',
  'people/emile-durand.yaml': 'name: Émile Durand\ncountry: FR\n',
  'organizations/adgs.yaml': 'name: Агентство по делам государственной службы\nacronym: АДГС\ncountry: KZ\nkind: government\n',
  'organizations/mpm.yaml': 'name: Ministry of Personnel Management\nacronym: MPM\ncountry: KR\nkind: government\n',
  'events/2023/2023-03-turkiye-public-service-forum.yaml': [
    'title: Türkiye Public Service Forum',
    'type: forum',
    'start: 2023-03',
    'location: { city: İstanbul, country: TR }',
    'topics: [ethics]',
    'summary: Delegations from Кыргызстан and 대한민국의 civil service agencies met in İstanbul.',
    'speakers:',
    '  - { person: ayse-yilmaz, role: keynote }',
    '  - { name: ÖZLEM ÇELİK, role: panelist }',
    '',
  ].join('\n'),
  'events/2023/2023-03-15-bishkek-roundtable.yaml': [
    'title: "Круглый стол: Кыргызстан и реформа госслужбы"',
    'type: roundtable',
    'start: 2023-03-15',
    'location: { city: Бишкек, country: KG }',
    'countries: [KG, KZ]',
    'organizers: [АДГС]',
    'topics: [hrm]',
    'speakers:',
    '  - { person: kanat-abdykadyrov, role: moderator, organization: адгс }',
    'quotes:',
    '  - { speaker: kanat-abdykadyrov, text: "Доверие граждан — главный капитал государства." }',
    '',
  ].join('\n'),
  'events/2024/2024-06-01-seoul-webinar.yaml': [
    'title: 대한민국 인사혁신 웨비나',
    'type: webinar',
    'start: 2024-06-01',
    'format: online',
    'countries: [KR]',
    'organizers: [MPM]',
    'topics: [hrm, digital-transformation]',
    'summary: Digital transformation in the civil service, with guests from Türkiye.',
    'speakers:',
    '  - { name: Kim Min-jun, role: keynote, organization: MPM }',
    '  - { name: Émile Durand, country: FR, role: panelist }',
    '',
  ].join('\n'),
  'events/2022/2022-astana-summit.yaml': [
    'title: Astana Summit',
    'type: summit',
    'start: 2022',
    'location: { city: Astana, country: KZ }',
    'series: Astana Summit Series',
    'speakers:',
    '  - { name: Émile Durand, role: chair }',
    '  - { name: Jürgen Weiß, country: DE, role: remarks }',
    '',
  ].join('\n'),
});

const ids = async (args: string[], cwd = unicode) => (await runJson<Array<{ id: string }>>(args, { cwd })).map((r) => r.id);

describe('hub events: every filter, combined', () => {
  it('finds a speaker by id, name, alias, initial or honorific, in any script and case', async () => {
    expect(await ids(['events', '--speaker', 'alikhan-baimenov'], bundled)).toEqual(['2024-04-12-digital-transformation-hrm-panel', '2020-hrm-in-civil-service-amid-covid-19']);
    for (const spelling of ['Mr. Baimenov', 'A. Baimenov', 'baimenov', 'Mr.Baimenov']) {
      expect(await ids(['events', '--speaker', spelling], bundled), spelling).toHaveLength(2);
    }
    expect(await ids(['events', '--speaker', 'канат абдыкадыров'])).toEqual(['2023-03-15-bishkek-roundtable']);
    expect(await ids(['events', '--speaker', 'KIM MIN-JUN'])).toEqual(['2024-06-01-seoul-webinar']);
    expect(await ids(['events', '--speaker', 'ozlem celik'])).toEqual(['2023-03-turkiye-public-service-forum']);
    expect(await ids(['events', '--speaker', 'Jürgen Weiß'])).toEqual(['2022-astana-summit']);
  });

  it('finds an organisation by id, name or acronym, organiser or partner', async () => {
    expect(await ids(['events', '--org', 'aspa'], bundled)).toEqual(['2024-04-12-aspa-annual-conference', '2024-04-12-digital-transformation-hrm-panel']);
    expect(await ids(['events', '--org', 'American Society for Public Administration', '--type', 'panel-session'], bundled)).toEqual(['2024-04-12-digital-transformation-hrm-panel']);
    expect(await ids(['events', '--org', 'адгс'])).toEqual(['2023-03-15-bishkek-roundtable']);
  });

  it('counts a country as taking part when it hosts, is listed, or sends a speaker', async () => {
    expect(await ids(['events', '--country', 'Кыргызстан'])).toEqual(['2023-03-15-bishkek-roundtable']);
    expect(await ids(['events', '--country', 'France'])).toEqual(['2024-06-01-seoul-webinar', '2022-astana-summit']);
    expect(await ids(['events', '--country', 'KZ'])).toEqual(['2023-03-15-bishkek-roundtable', '2022-astana-summit']);
    expect(await ids(['events', '--host-country', 'KZ'])).toEqual(['2022-astana-summit']);
    expect(await ids(['events', '--country', 'Türkiye'])).toEqual(['2023-03-turkiye-public-service-forum']);
  });

  it('takes partial dates: --from 2023-03 keeps an event dated 2023-03, --to 2023-03 too', async () => {
    expect(await ids(['events', '--from', '2023-03'])).toEqual(['2024-06-01-seoul-webinar', '2023-03-15-bishkek-roundtable', '2023-03-turkiye-public-service-forum']);
    expect(await ids(['events', '--to', '2023-03'])).toEqual(['2023-03-15-bishkek-roundtable', '2023-03-turkiye-public-service-forum', '2022-astana-summit']);
    expect(await ids(['events', '--from', '2023-03-20', '--to', '2023'])).toEqual(['2023-03-turkiye-public-service-forum']);
  });

  it('matches topics and series as typed, sorts and limits', async () => {
    expect(await ids(['events', '--topic', 'Digital Transformation'])).toEqual(['2024-06-01-seoul-webinar']);
    expect(await ids(['events', '--series', 'astana summit series'])).toEqual(['2022-astana-summit']);
    expect(await ids(['events', '--topic', 'hrm', '--year', '2023'])).toEqual(['2023-03-15-bishkek-roundtable']);
    expect(await ids(['events', '--sort', 'oldest', '--limit', '2'])).toEqual(['2022-astana-summit', '2023-03-turkiye-public-service-forum']);
    expect(await ids(['events', '--sort', 'title'])).toEqual([
      '2022-astana-summit',
      '2023-03-turkiye-public-service-forum',
      '2023-03-15-bishkek-roundtable',
      '2024-06-01-seoul-webinar',
    ]);
    expect((await ids(['events', '--sort', 'speakers']))[0]).toMatch(/2024-06-01-seoul-webinar|2023-03-turkiye|2022-astana-summit/);
  });

  it('says "did you mean" for an unknown person, organisation, topic, series or event, and exits 1', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['events', '--speaker', 'Kanat Abdykadyrv'], /no person called `Kanat Abdykadyrv` \(did you mean kanat-abdykadyrov \(Канат Абдыкадыров\)\?\)/],
      [['events', '--org', 'MPN'], /no organisation called `MPN` \(did you mean mpm \(Ministry of Personnel Management\)\?\)/],
      [['events', '--topic', 'digital-transfromation'], /no event has the topic `digital-transfromation` \(did you mean digital-transformation\?\)/],
      [['events', '--series', 'Astana Sumit Series'], /did you mean Astana Summit Series\?/],
      [['speakers', '--event', '2023-03-15-bishkek-roundtabel'], /did you mean 2023-03-15-bishkek-roundtable/],
      [['show', 'nothing-like-it-at-all'], /no event called `nothing-like-it-at-all`/],
      [['person', 'Nobody Known'], /no person called `Nobody Known`/],
    ];
    for (const [args, message] of cases) {
      const result = await runHub(args, { cwd: unicode });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
    const surname = await runHub(['events', '--speaker', 'Baimenof'], { cwd: bundled });
    expect(surname.code).toBe(1);
    expect(surname.stderr).toMatch(/no person called `Baimenof` \(did you mean alikhan-baimenov \(Alikhan Baimenov\)\?\)/);
    const kims = makeArchive({
      'people/anna-kim.yaml': 'name: Anna Kim\n',
      'people/boris-kim.yaml': 'name: Boris Kim\n',
      'events/2024/2024-01-01-x.yaml': 'title: X\ntype: webinar\nstart: 2024-01-01\nspeakers: [{ person: anna-kim }, { person: boris-kim }]\n',
    });
    const ambiguous = await runHub(['events', '--speaker', 'Kim'], { cwd: kims });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/`Kim` matches more than one person \(did you mean anna-kim \(Anna Kim\) or boris-kim \(Boris Kim\)\?\)/);
    expect((await runHub(['events', '--limit', 'ten'], { cwd: unicode })).code).toBe(2);
    expect((await runHub(['events', '--sort', 'random'], { cwd: unicode })).code).toBe(2);
  });
});

describe('hub speakers: topic, organisation, role, event', () => {
  const names = async (args: string[], cwd = unicode) => (await runJson<Array<{ name: string }>>(['speakers', ...args], { cwd })).map((r) => r.name);

  it('sorts names across scripts with a locale-aware collator', async () => {
    expect(await names([])).toEqual(['Ayşe Yılmaz', 'Émile Durand', 'Jürgen Weiß', 'Özlem Çelik', 'Канат Абдыкадыров', '김민준']);
  });

  it('filters by topic, organisation, role and event', async () => {
    expect(await names(['--topic', 'hrm'])).toEqual(['Émile Durand', 'Канат Абдыкадыров', '김민준']);
    expect(await names(['--org', 'MPM'])).toEqual(['김민준']);
    expect(await names(['--role', 'keynote'])).toEqual(['Ayşe Yılmaz', '김민준']);
    expect(await names(['--role', 'keynote', '--year', '2024'])).toEqual(['김민준']);
    expect(await names(['--event', '2022-astana-summit'])).toEqual(['Émile Durand', 'Jürgen Weiß']);
    expect(await names(['--org', 'OECD'], bundled)).toEqual(['Daniel Gerson', 'Tatyana Teplova']);
    expect(await names(['--country', 'France'])).toEqual(['Émile Durand']);
  });

  it('takes the latest appearance\'s details, ties on the day going to the later event id and entry', async () => {
    const ties = makeArchive({
      'people/dana-sarsen.yaml': 'name: Dana Sarsen\ncountry: KZ\nposition: Analyst\n',
      'events/2023/2023-05-02-alpha-webinar.yaml': 'title: Alpha\ntype: webinar\nstart: 2023-05-02\nspeakers:\n  - { person: dana-sarsen, position: Adviser, country: KG }\n',
      // Same day, a later id, and two entries: the second entry is the latest appearance.
      'events/2023/2023-05-02-beta-webinar.yaml': [
        'title: Beta',
        'type: webinar',
        'start: 2023-05-02',
        'speakers:',
        '  - { person: dana-sarsen, position: Director, role: moderator }',
        '  - { person: dana-sarsen, position: Deputy Minister, country: UZ, role: panelist }',
        '',
      ].join('\n'),
      // A year-only date counts from its first possible day, so it comes first.
      'events/2023/2023-summit.yaml': 'title: Summit\ntype: summit\nstart: 2023\nspeakers:\n  - { person: dana-sarsen, position: Intern }\n',
    });
    const [row] = await runJson<Array<Record<string, unknown>>>(['speakers'], { cwd: ties });
    expect(row).toMatchObject({ id: 'dana-sarsen', events: 3, first: '2023', last: '2023-05-02', position: 'Deputy Minister', country: 'UZ' });
    const [moderating] = await runJson<Array<Record<string, unknown>>>(['speakers', '--role', 'moderator'], { cwd: ties });
    expect(moderating).toMatchObject({ events: 1, first: '2023-05-02', position: 'Director', country: 'KZ' });
  });

  it('counts who spoke at an event together with the sessions inside it', async () => {
    expect(await names(['--event', '2024-04-12-aspa-annual-conference'], bundled)).toEqual(['Alikhan Baimenov', 'William Shields']);
    expect((await runHub(['speakers', '--role', 'juggler'], { cwd: unicode })).code).toBe(2);
  });
});

describe('hub show', () => {
  it('gives the record\'s keys plus id and the sessions inside it', async () => {
    const show = await runJson<Record<string, unknown>>(['show', '2024-04-12-aspa-annual-conference'], { cwd: bundled });
    expect(show).toMatchObject({
      id: '2024-04-12-aspa-annual-conference',
      title: '2024 ASPA Annual Conference',
      type: 'conference',
      start: '2024-04-12',
      end: '2024-04-16',
      series: 'ASPA Annual Conference',
      sessions: ['2024-04-aspa-international-assembly', '2024-04-12-digital-transformation-hrm-panel'],
    });
    const panel = await runJson<Record<string, unknown>>(['show', '2024-04-12-digital-transformation-hrm-panel'], { cwd: bundled });
    expect(panel.part_of).toBe('2024-04-12-aspa-annual-conference');
    expect(panel.sessions).toEqual([]);
    expect((panel.speakers as unknown[]).length).toBe(2);
  });

  it('accepts a unique part of an id, and reads as a page on a terminal with names resolved', async () => {
    const page = await runHub(['show', 'digital-transformation-hrm'], { cwd: bundled, tty: true, columns: 80 });
    expect(page.code).toBe(0);
    expect(page.stdout).toMatch(/^Digital Transformation in Civil Service HRM/);
    expect(page.stdout).toContain('part of:    2024 ASPA Annual Conference (2024-04-12-aspa-annual-conference)');
    expect(page.stdout).toContain('organisers: Astana Civil Service Hub');
    expect(page.stdout).toContain('Mr. Alikhan Baimenov · welcome-speech');
    for (const line of page.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80 + 40);
  });

  it('gives the speakers as CSV rows', async () => {
    const result = await runHub(['show', '2024-04-12-digital-transformation-hrm-panel', '--format', 'csv'], { cwd: bundled });
    const rows = parseCsv(result.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.person_id, r.role])).toEqual([['alikhan-baimenov', 'welcome-speech'], ['william-shields', 'welcome-speech']]);
  });
});

describe('hub person', () => {
  interface Profile { id: string; name: string; aliases: string[]; country: string | null; appearances: Array<Record<string, unknown>>; quotes: unknown[] }

  it('gives the contract\'s profile: aliases and every appearance with what was held then', async () => {
    const p = await runJson<Profile>(['person', 'Mr. Baimenov'], { cwd: bundled });
    expect(p.id).toBe('alikhan-baimenov');
    expect(p.aliases).toEqual(['Mr.Baimenov']);
    expect(p.country).toBe('KZ');
    expect(p.appearances.map((a) => [a.event, a.start, a.role, a.organization])).toEqual([
      ['2024-04-12-digital-transformation-hrm-panel', '2024-04-12', 'welcome-speech', 'Astana Civil Service Hub'],
      ['2020-hrm-in-civil-service-amid-covid-19', '2020', 'welcome-speech', 'Astana Civil Service Hub'],
    ]);
    for (const key of ['event', 'title', 'start', 'role', 'position', 'organization', 'country']) expect(p.appearances[0]).toHaveProperty(key);
    expect(p.quotes.length).toBeGreaterThan(0);
  });

  it('profiles a speaker nobody registered, by the name as written', async () => {
    const p = await runJson<Profile & { registered: boolean }>(['person', 'jurgen weiss'], { cwd: unicode });
    expect(p).toMatchObject({ id: 'jurgen-weiss', name: 'Jürgen Weiß', registered: false, country: 'DE' });
    const quotes = await runJson<Profile>(['person', 'Kanat Abdykadyrov'], { cwd: unicode });
    expect(quotes.quotes).toEqual([{ event: '2023-03-15-bishkek-roundtable', title: 'Круглый стол: Кыргызстан и реформа госслужбы', start: '2023-03-15', text: 'Доверие граждан — главный капитал государства.' }]);
    const page = await runHub(['person', 'kanat-abdykadyrov'], { cwd: unicode, tty: true });
    expect(page.stdout).toMatch(/^Канат Абдыкадыров \(kanat-abdykadyrov\)/);
    expect(page.stdout).toContain('aliases: Kanat Abdykadyrov');
  });
});

describe('hub countries, topics, orgs', () => {
  it('counts countries with names in English, Russian or Kazakh', async () => {
    const rows = await runJson<Array<Record<string, unknown>>>(['countries'], { cwd: unicode });
    expect(rows.map((r) => [r.code, r.events, r.hosted, r.represented, r.speakers])).toEqual([
      ['FR', 2, 0, 2, 1],
      ['KZ', 2, 1, 1, 0],
      ['TR', 1, 1, 1, 2],
      ['DE', 1, 0, 1, 1],
      ['KG', 1, 1, 1, 1],
      ['KR', 1, 0, 1, 1],
    ]);
    expect(rows[0]).toEqual({ code: expect.any(String), name: expect.any(String), events: expect.any(Number), hosted: expect.any(Number), represented: expect.any(Number), speakers: expect.any(Number) });
    const ru = await runJson<Array<{ code: string; name: string }>>(['countries', '--lang', 'ru'], { cwd: unicode });
    expect(ru.find((r) => r.code === 'KZ')!.name).toBe('Казахстан');
    const kk = await runJson<Array<{ code: string; name: string }>>(['countries', '--lang', 'kk'], { cwd: unicode });
    expect(kk.find((r) => r.code === 'KZ')!.name).toBe('Қазақстан');
    expect((await runJson<unknown[]>(['countries', '--year', '2022'], { cwd: unicode })).length).toBe(3);
  });

  it('counts topics with their speakers and first and last dates as written', async () => {
    expect(await runJson(['topics'], { cwd: unicode })).toEqual([
      { topic: 'hrm', events: 2, speakers: 3, first: '2023-03-15', last: '2024-06-01' },
      { topic: 'digital-transformation', events: 1, speakers: 2, first: '2024-06-01', last: '2024-06-01' },
      { topic: 'ethics', events: 1, speakers: 2, first: '2023-03', last: '2023-03' },
    ]);
    expect(await runJson(['topics', '--to', '2023'], { cwd: unicode })).toEqual([
      { topic: 'ethics', events: 1, speakers: 2, first: '2023-03', last: '2023-03' },
      { topic: 'hrm', events: 1, speakers: 1, first: '2023-03-15', last: '2023-03-15' },
    ]);
  });

  it('breaks ties on a topic\'s first and last day by the date as written, not by row order', async () => {
    // Both start on 2012-01-01 at the earliest; the day-precise one is indexed first.
    const ties = makeArchive({
      'events/2012/2012-01-01-a.yaml': 'title: A\ntype: webinar\nstart: 2012-01-01\ntopics: [ethics]\n',
      'events/2012/2012-01-b.yaml': 'title: B\ntype: webinar\nstart: 2012-01\ntopics: [ethics]\n',
    });
    expect(await runJson(['topics'], { cwd: ties })).toEqual([{ topic: 'ethics', events: 2, speakers: 0, first: '2012-01', last: '2012-01-01' }]);
  });

  it('draws whole tables on a terminal that reports no width', async () => {
    const result = await runHub(['topics'], { cwd: unicode, tty: true, columns: 0 });
    expect(result.stdout.split('\n')[1]).toMatch(/^hrm\s+2\s+3\s+2023-03-15\s+2024-06-01$/);
    expect(result.stdout).not.toContain('…');
  });

  it('counts organisations: organised, partnered, speakers', async () => {
    const rows = await runJson<Array<Record<string, unknown>>>(['orgs'], { cwd: bundled });
    expect(rows.find((r) => r.id === 'aspa')).toMatchObject({ name: 'American Society for Public Administration', events: 2, organized: 1, partnered: 1, speakers: 1 });
    expect(rows.find((r) => r.id === 'oecd')).toMatchObject({ events: 1, organized: 0, partnered: 0, speakers: 2 });
    expect((await runJson<unknown[]>(['orgs', '--year', '1999'], { cwd: bundled }))).toEqual([]);
  });
});

describe('hub search', () => {
  interface Hit { kind: string; event: string; title: string; snippet: string; speaker: string | null }
  const search = (args: string[], cwd = unicode) => runJson<Hit[]>(['search', ...args], { cwd });

  it('ignores case and accents in every script, and finds words inside longer ones', async () => {
    expect((await search(['turkiye'])).map((h) => h.event).sort()).toEqual(['2023-03-turkiye-public-service-forum', '2024-06-01-seoul-webinar']);
    expect((await search(['TÜRKIYE'])).length).toBe(2);
    expect((await search(['КЫРГЫЗСТАН'])).map((h) => h.event).sort()).toEqual(['2023-03-15-bishkek-roundtable', '2023-03-turkiye-public-service-forum']);
    expect((await search(['대한민국'])).map((h) => h.event).sort()).toEqual(['2023-03-turkiye-public-service-forum', '2024-06-01-seoul-webinar']);
    expect((await search(['istanbul'])).map((h) => h.event)).toEqual(['2023-03-turkiye-public-service-forum']);
  });

  it('finds quotes with their speaker, and marks the match in the snippet', async () => {
    const [hit] = await search(['доверие']);
    expect(hit).toMatchObject({ kind: 'quote', event: '2023-03-15-bishkek-roundtable', speaker: 'Канат Абдыкадыров' });
    expect(hit!.snippet).toContain('**Доверие**');
    const bundledHits = await search(['public', 'trust'], bundled);
    expect(bundledHits[0]).toMatchObject({ kind: 'quote', speaker: 'Alikhan Baimenov' });
    expect(bundledHits[0]!.snippet).toContain('**public** **trust**');
  });

  it('takes "quoted phrases", filters by year and country, and treats operators as words', async () => {
    expect((await search(['"civil service"'])).length).toBe(2);
    expect((await search(['"service civil"'])).length).toBe(0);
    expect((await search(['civil', '--year', '2024'])).map((h) => h.event)).toEqual(['2024-06-01-seoul-webinar']);
    expect((await search(['civil', '--country', 'TR'])).map((h) => h.event)).toEqual(['2023-03-turkiye-public-service-forum']);
    expect(await search(['NOT', 'OR', 'civil*'])).toEqual([]);
    const empty = await runHub(['search', '"(*)"'], { cwd: unicode });
    expect(empty.code).toBe(2);
    const none = await runHub(['search', 'zzzz', '--format', 'json'], { cwd: unicode });
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/nothing matches `zzzz`/);
  });

  it('shows the best matches first, and says when --limit left some out', async () => {
    const limited = await runHub(['search', 'civil', '--limit', '1', '--format', 'json'], { cwd: unicode });
    expect(JSON.parse(limited.stdout)).toHaveLength(1);
    expect(limited.stderr).toMatch(/showing the best 1 matches; --limit N shows more/);
    const all = await runHub(['search', 'civil', '--format', 'json'], { cwd: unicode });
    expect(JSON.parse(all.stdout)).toHaveLength(2);
    expect(all.stderr).toBe('');
  });

  it('lists events newest first up to --limit, ties on the date kept in title order', async () => {
    const root = makeArchive({
      'events/2024/2024-05-01-b.yaml': 'title: Beta\ntype: webinar\nstart: 2024-05-01\n',
      'events/2024/2024-05-01-a.yaml': 'title: Alpha\ntype: webinar\nstart: 2024-05-01\n',
      'events/2024/2024-04-01-c.yaml': 'title: Gamma\ntype: webinar\nstart: 2024-04-01\n',
    });
    expect(await ids(['events', '--limit', '1'], root)).toEqual(['2024-05-01-a']);
    expect(await ids(['events', '--limit', '2', '--sort', 'oldest'], root)).toEqual(['2024-04-01-c', '2024-05-01-a']);
  });

  it('colours matches on a colour terminal without breaking the table', async () => {
    const result = await runHub(['search', 'доверие'], { cwd: unicode, tty: true, columns: 100, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(result.stdout).toContain('\x1b[');
    expect(result.stdout).not.toMatch(/[\u0002\u0003]/);
    const plain = await runHub(['search', 'доверие'], { cwd: unicode, tty: true, columns: 100 });
    expect(plain.stdout).not.toMatch(/[\u0002\u0003*]|\x1b\[/);
    expect(plain.stdout).toContain('Доверие граждан');
  });
});
