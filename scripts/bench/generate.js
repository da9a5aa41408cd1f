// Deterministic synthetic archives for the benchmark: the same seed gives the same bytes.
// People repeat across events, names come in Latin (with diacritics), Cyrillic and Hangul,
// and some speakers are written inline by name, as real records are.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = {
  KZ: ['Aigerim', 'Nurlan', 'Dana', 'Yerlan', 'Асель', 'Ерлан', 'Гульмира', 'Damir', 'Anar', 'Aliya'],
  KG: ['Айбек', 'Бактыгуль', 'Azamat', 'Cholpon', 'Нурбек'],
  KR: ['민준', '서연', 'Seo-yeon', 'Ji-ho', 'Min-jun', '지훈'],
  TR: ['Ayşe', 'Mehmet', 'Çağla', 'Ömer', 'Şule', 'İlker'],
  RU: ['Ольга', 'Дмитрий', 'Tatyana', 'Sergey', 'Наталья'],
  US: ['William', 'Jennifer', 'Michael', 'Sarah', 'David'],
  UZ: ['Dilnoza', 'Bekzod', 'Шахноза', 'Otabek'],
  UA: ['Oksana', 'Taras', 'Олена', 'Андрій'],
  DE: ['Jürgen', 'Anja', 'Łukasz', 'Björn'],
  FR: ['Émile', 'Chloé', 'François', 'Hélène'],
};
const FAMILY = {
  KZ: ['Baimenov', 'Zhailganova', 'Nurlanov', 'Ахметов', 'Сейткали', 'Raisova', 'Deminov', 'Omarova'],
  KG: ['Абдыкадыров', 'Toktogulov', 'Сыдыкова', 'Mamytova'],
  KR: ['김', '이', '박', 'Hwang', 'Kim', 'Park', '최'],
  TR: ['Yılmaz', 'Çelik', 'Öztürk', 'Şahin', 'Doğan'],
  RU: ['Иванова', 'Petrov', 'Смирнов', 'Teplova'],
  US: ['Shields', 'Johnson', 'Newland', 'Facer', 'Miller'],
  UZ: ['Karimova', 'Рахимов', 'Yusupov'],
  UA: ['Shevchenko', 'Коваленко', 'Bondarenko'],
  DE: ['Müller', 'Schröder', 'Weiß'],
  FR: ['Durand', 'Lefèvre', 'Bérenger'],
};
const COUNTRIES = Object.keys(GIVEN);
const TYPES = ['conference', 'panel-session', 'webinar', 'roundtable', 'workshop', 'seminar', 'training', 'meeting', 'summit', 'forum'];
const ROLES = ['welcome-speech', 'opening-remarks', 'keynote', 'presentation', 'panelist', 'moderator', 'remarks'];
const TOPICS = ['hrm', 'digital-transformation', 'talent-management', 'personnel-policy', 'public-trust', 'covid-19', 'ethics', 'anti-corruption', 'meritocracy', 'e-government', 'training', 'gender-equality'];
const WORDS = ['civil', 'service', 'reform', 'innovation', 'governance', 'public', 'trust', 'digital', 'talent', 'leadership', 'merit', 'ethics', 'capacity', 'partnership', 'resilience', 'Türkiye', 'Кыргызстан', '대한민국', 'Astana', 'experience'];
const CITIES = ['Astana', 'Almaty', 'Bishkek', 'Seoul', 'Ankara', 'Tashkent', 'Kyiv', 'Berlin', 'Paris', 'Washington', 'Алматы', 'İstanbul'];
const POSITIONS = ['Minister', 'Deputy Minister', 'Chairperson', 'Head of Department', 'Professor', 'Director', 'Senior Expert', 'Adviser'];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const q = (text) => JSON.stringify(text);
const slug = (text) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Writes an archive of `events` events under `dir`; with `quoteDates`, dates are quoted strings (for ajv-cli). */
export function generateArchive(dir, { events, seed = 42, quoteDates = false }) {
  const rand = mulberry32(seed);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['events', 'people', 'organizations']) mkdirSync(path.join(dir, sub), { recursive: true });
  const date = (text) => (quoteDates ? q(text) : text);

  const orgCount = Math.max(20, Math.round(events / 50));
  const orgs = [];
  for (let i = 0; i < orgCount; i++) {
    const country = pick(rand, COUNTRIES);
    const name = `${pick(rand, ['Agency', 'Ministry', 'Academy', 'Institute', 'Association', 'Council'])} of ${pick(rand, WORDS)} ${pick(rand, WORDS)} ${i}`;
    const id = `org-${i}`;
    orgs.push({ id, name, country });
    writeFileSync(path.join(dir, 'organizations', `${id}.yaml`), `name: ${q(name)}\nacronym: ${q(`O${i}`)}\ncountry: ${country}\nkind: ${pick(rand, ['government', 'academic', 'association', 'international'])}\n`);
  }

  const peopleCount = Math.max(50, Math.round(events * 0.3));
  const people = [];
  for (let i = 0; i < peopleCount; i++) {
    const country = pick(rand, COUNTRIES);
    const name = `${pick(rand, GIVEN[country])} ${pick(rand, FAMILY[country])} ${i}`;
    const registered = rand() < 0.6;
    const person = { id: `person-${i}`, name, country, org: pick(rand, orgs).id, registered };
    people.push(person);
    if (registered) {
      writeFileSync(
        path.join(dir, 'people', `${person.id}.yaml`),
        `name: ${q(name)}\nhonorific: ${pick(rand, ['Mr.', 'Ms.', 'Dr.', 'Prof.'])}\naliases: [${q(name.toUpperCase())}]\ncountry: ${country}\norganization: ${person.org}\nposition: ${q(pick(rand, POSITIONS))}\n`,
      );
    }
  }

  const used = new Set();
  for (let i = 0; i < events; i++) {
    const year = 2012 + Math.floor(rand() * 14);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const precision = rand();
    const start = precision < 0.05 ? `${year}` : precision < 0.1 ? `${year}-${String(month).padStart(2, '0')}` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const title = `${pick(rand, ['Forum on', 'Roundtable on', 'Webinar:', 'Conference on', 'Panel on'])} ${pick(rand, WORDS)} ${pick(rand, WORDS)} and ${pick(rand, WORDS)}`;
    let id = `${start}-${slug(title).slice(0, 60) || 'event'}`;
    while (used.has(id)) id = `${id}-${used.size}`;
    used.add(id);
    const lines = [`title: ${q(title)}`, `type: ${pick(rand, TYPES)}`, `start: ${date(start)}`];
    if (precision >= 0.1 && rand() < 0.3) lines.push(`end: ${date(`${year}-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 2)).padStart(2, '0')}`)}`);
    lines.push(`format: ${pick(rand, ['in-person', 'online', 'hybrid'])}`);
    const host = pick(rand, COUNTRIES);
    lines.push('location:', `  city: ${q(pick(rand, CITIES))}`, `  country: ${host}`);
    if (rand() < 0.3) lines.push(`series: ${q(`${pick(rand, WORDS)} series`)}`);
    lines.push(`organizers: [${pick(rand, orgs).id}]`, `partners: [${pick(rand, orgs).id}, ${q(pick(rand, orgs).name)}]`);
    const topics = [...new Set([pick(rand, TOPICS), pick(rand, TOPICS), pick(rand, TOPICS)])];
    lines.push(`topics: [${topics.join(', ')}]`);
    lines.push('attendance:', `  participants: ${20 + Math.floor(rand() * 400)}`, `  countries: ${1 + Math.floor(rand() * 20)}`, `  approximate: ${rand() < 0.3}`);
    const speakerCount = 3 + Math.floor(rand() * 6);
    const speakers = [...new Set(Array.from({ length: speakerCount }, () => pick(rand, people)))];
    lines.push(`countries: [${[...new Set([host, ...speakers.map((s) => s.country)])].join(', ')}]`);
    lines.push('speakers:');
    for (const s of speakers) {
      lines.push(s.registered ? `  - person: ${s.id}` : `  - name: ${q(s.name)}`);
      lines.push(`    position: ${q(pick(rand, POSITIONS))}`, `    organization: ${s.org}`, `    country: ${s.country}`, `    role: ${pick(rand, ROLES)}`);
    }
    if (rand() < 0.5) {
      const s = speakers[0];
      lines.push('quotes:', `  - speaker: ${s.registered ? s.id : q(s.name)}`, `    text: ${q(`We must build ${pick(rand, WORDS)} and ${pick(rand, WORDS)} together, with public trust at the centre.`)}`);
    }
    if (rand() < 0.5) lines.push('presentations:', `  - title: ${q(`Experience of ${pick(rand, WORDS)}`)}`, `    country: ${pick(rand, COUNTRIES)}`);
    lines.push('sources:', `  - url: ${q(`https://example.org/news/${i}`)}`, `    title: ${q(title)}`, `    published: ${date(start)}`);
    lines.push(`summary: ${q(Array.from({ length: 30 }, () => pick(rand, WORDS)).join(' '))}`);
    const folder = path.join(dir, 'events', String(year));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${id}.yaml`), `${lines.join('\n')}\n`);
  }
  return { events, people: peopleCount, registered: people.filter((p) => p.registered).length, organizations: orgCount };
}
