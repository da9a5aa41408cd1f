import { describeBadCountry } from './countries.js';
import { explainBadDate, suggestDate } from './dates.js';
import type { PathIssue, PathSegment } from './records.js';
import type { SchemaError } from './schema-types.js';
import { slugify, suggest } from './text.js';

/*
 * Turns ajv's errors into sentences a person fixing a YAML file can act on: which key,
 * what is wrong with it, what would be right. The generated validators run with
 * `verbose`, so each error carries its schema and the offending value.
 */

const DATE_KEYS = new Set(['start', 'end', 'published']);
const ID_KEYS = new Set(['part_of', 'person', 'distinct_from']);
const REQUIRED_CONTEXT: Record<string, string> = {
  speakers: 'a speaker entry',
  quotes: 'a quote',
  presentations: 'a presentation',
};

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The key a path ends in, skipping list indexes: ["speakers", 1, "role"] → "role". */
function keyOf(path: PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function show(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

/** The keys an object schema names, each with its own schema; none for any other schema. */
function propertiesOf(schema: unknown): Record<string, unknown> {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

/** A single value where a list is wanted is one item: say how to write it as one, when the text is safe to put in brackets as it is. */
function listHint(type: unknown, path: PathSegment[], value: unknown): string {
  const key = path.at(-1);
  if (type !== 'array' || typeof key !== 'string') return '';
  if (typeof value === 'number' || (typeof value === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} .,_-]*$/u.test(value))) return `: write \`${key}: [${String(value)}]\``;
  return '';
}

// "over 250", "about 40", "250+": a count the source gives loosely.
const LOOSE_COUNT = /\b(over|more than|about|around|approximately|approx|nearly|almost|some|at least|up to|circa|ca)\b|[~≈+]/iu;

/** A count written in words: say how the archive writes it. */
function countHint(path: PathSegment[], value: unknown): string {
  const key = path.at(-1);
  if (path.at(-2) !== 'attendance' || typeof key !== 'string') return '';
  if (key === 'countries' && Array.isArray(value)) return ': it is how many countries took part; list their codes in the event\'s own `countries`';
  if (typeof value !== 'string') return '';
  const numbers = value.match(/\d[\d, \u00a0\u202f]*\d|\d/gu) ?? [];
  if (numbers.length !== 1) return '';
  const count = numbers[0]!.replace(/[, \u00a0\u202f]/gu, '');
  return LOOSE_COUNT.test(value) ? `: write \`${key}: ${count}\` and \`approximate: true\`` : `: write \`${key}: ${count}\``;
}

function dateMessage(key: string, value: unknown): string {
  const why = explainBadDate(value);
  if (why) return `\`${key}\` must be a date like 2024-04-12, 2024-04 or 2024: ${show(value)} is not a real date (${why})`;
  const written = suggestDate(value);
  return `\`${key}\` must be a date like 2024-04-12, 2024-04 or 2024, not ${show(value)}${written ? `: write \`${key}: ${written}\`` : ''}`;
}

export function translateSchemaErrors(file: string, errors: SchemaError[], recordLabel = 'a record'): PathIssue[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const issues: PathIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // A failed oneOf also reports each branch's own failure; its summary says it better.
    if (error.keyword !== 'oneOf' && error.schemaPath.includes('/oneOf/') && oneOfPaths.has(error.instancePath)) continue;
    const issue = translate(file, error, recordLabel);
    const signature = `${issue.path.join('/')}|${issue.at ?? ''}|${issue.message}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    issues.push(issue);
  }
  return issues;
}

function translate(file: string, error: SchemaError, recordLabel: string): PathIssue {
  const path = pointerToPath(error.instancePath);
  const key = keyOf(path);
  const value = error.data;
  const base = { file, path, rule: 'schema', severity: 'error' as const };
  const params = error.params;

  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const properties = propertiesOf(error.parentSchema);
      const allowed = Object.keys(properties);
      const close = suggest(extra, allowed, 1);
      // `participants:` at the top of an event is a count that lives under `attendance`.
      const owner = allowed.find((name) => Object.hasOwn(propertiesOf(properties[name]), extra));
      const hint =
        close.length > 0
          ? ` (did you mean \`${close[0]}\`?)`
          : owner
            ? `: it belongs under \`${owner}\`, as \`${owner}: {${extra}: ...}\``
            : allowed.length > 0
              ? `: the keys here are ${allowed.join(', ')}`
              : '';
      return { ...base, path: [...path, extra], at: 'key', message: `unknown key \`${extra}\`${hint}` };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const parentKey = keyOf(path);
      const what = path.length === 0 ? recordLabel : (REQUIRED_CONTEXT[parentKey] ?? `\`${parentKey}\``);
      return { ...base, at: 'key', message: `missing required key \`${missing}\`: ${what} needs ${listRequired(error.schema)}` };
    }
    case 'oneOf': {
      const both = value && typeof value === 'object' && 'person' in value && 'name' in value;
      return {
        ...base,
        message: both
          ? 'a speaker entry has both `person` and `name`: keep `person` (an id from people/) or `name` (the name as written), not both'
          : 'a speaker entry needs `person` (an id from people/) or `name` (the full name as written)',
      };
    }
    case 'enum': {
      if (isCountryPath(key, path)) {
        return { ...base, rule: 'country-code', message: describeBadCountry(value) };
      }
      const options = (error.schema as unknown[]).map(String);
      const close = typeof value === 'string' ? suggest(value, options, 1) : [];
      const hint = close.length > 0 ? ` (did you mean \`${close[0]}\`?)` : '';
      return { ...base, message: `\`${key}\` cannot be ${show(value)}: use one of ${options.join(', ')}${hint}` };
    }
    case 'type': {
      if (DATE_KEYS.has(key)) return { ...base, message: dateMessage(key, value) };
      const label = typeof path.at(-1) === 'number' ? `each item of \`${key}\`` : `\`${key}\``;
      const keys = Object.keys(propertiesOf(error.parentSchema));
      const holds = params.type === 'object' && keys.length > 0 ? ` (${keys.join(', ')})` : '';
      return { ...base, message: `${label} must be ${typeWords(params.type)}${holds}, not ${show(value)}${listHint(params.type, path, value)}${countHint(path, value)}` };
    }
    case 'pattern':
    case 'minimum':
    case 'maximum':
      if (error.keyword === 'pattern' && isCountryPath(key, path)) return { ...base, rule: 'country-code', message: describeBadCountry(value) };
      if (DATE_KEYS.has(key)) return { ...base, message: dateMessage(key, value) };
      if (error.keyword === 'pattern') return { ...base, message: patternMessage(key, path, value) };
      return { ...base, message: `\`${key}\` must be ${error.keyword === 'minimum' ? `${String(params.limit)} or more` : `at most ${String(params.limit)}`}, not ${show(value)}` };
    case 'minLength':
      return { ...base, message: `\`${key}\` must not be empty` };
    case 'maxLength':
      return { ...base, message: `\`${key}\` is longer than ${String(params.limit)} characters` };
    case 'minProperties':
      return { ...base, message: `\`${key}\` is empty: fill it in or remove it` };
    case 'uniqueItems': {
      const [first, second] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      return { ...base, path: [...path, second!], message: `\`${key}\` lists the same item twice (items ${first! + 1} and ${second! + 1}): remove one` };
    }
    case 'format':
      return { ...base, message: `\`${key}\` must be a full URL such as https://example.org/page, not ${show(value)}` };
    default:
      return { ...base, message: `\`${key || 'record'}\` ${error.message ?? 'is not valid'}` };
  }
}

function isCountryPath(key: string, path: PathSegment[]): boolean {
  return key === 'country' || key === 'countries' || (path.at(-2) === 'countries' && typeof path.at(-1) === 'number');
}

function listRequired(schema: unknown): string {
  const keys = Array.isArray(schema) ? schema.map((k) => `\`${String(k)}\``) : [];
  if (keys.length <= 1) return keys.join('');
  return `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
}

function patternMessage(key: string, path: PathSegment[], value: unknown): string {
  if (ID_KEYS.has(key)) {
    // A speaker given by name: `name:` takes it as written, and resolves it to a registered person.
    const asName = key === 'person' && typeof value === 'string' && path.at(-3) === 'speakers' ? `: for a name as written, use \`name: ${value}\`` : '';
    return `\`${key}\` must be an id (lowercase kebab-case ASCII such as alikhan-baimenov), not ${show(value)}${asName}`;
  }
  if (key === 'topics') {
    const slug = typeof value === 'string' ? slugify(value) : '';
    return `topic ${show(value)} must be a kebab-case slug${slug ? ` such as \`${slug}\`` : ''}`;
  }
  if (key === 'url' || path.at(-2) === 'links') return `\`${key}\` must be a full URL such as https://example.org/page, not ${show(value)}`;
  if (key === 'file') return `\`file\` must be a path inside the archive, such as files/slides.pdf (no leading /, no ..)`;
  return value === '' ? `\`${key}\` must not be empty` : `\`${key}\` must not be blank`;
}
