import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Document, Node, Pair, Scalar, ScalarTag, SchemaOptions, YAMLMap } from 'yaml';

type Tags = Exclude<Exclude<SchemaOptions['customTags'], null | undefined>, (...args: never[]) => unknown>;
import { loadYaml } from './load-yaml.js';
import type { RecordKind } from './records.js';

/*
 * The one way a record is written: keys in the order of the contract, two-space indents,
 * the editor's `$schema` line first. Within that, the author's choices are kept: comments,
 * quoting, `>-` blocks, and whether a list is written [inline] or one item a line. Long
 * titles and quotes stay on one line (a diff of a changed word then shows one line);
 * only block text is wrapped, at LINE_WIDTH.
 */

const LINE_WIDTH = 92;

const SPEAKER_KEYS = ['person', 'name', 'honorific', 'position', 'organization', 'country', 'role'];

/** Key order per kind; nested mappings are found by the key that holds them (lists: each item). */
const KEY_ORDER: Record<RecordKind, { top: string[]; nested: Record<string, string[]> }> = {
  event: {
    top: ['title', 'type', 'start', 'end', 'status', 'format', 'location', 'part_of', 'series', 'theme', 'organizers', 'partners', 'topics', 'attendance', 'countries', 'speakers', 'quotes', 'presentations', 'sources', 'summary', 'notes'],
    nested: {
      location: ['venue', 'city', 'country'],
      attendance: ['participants', 'countries', 'approximate'],
      speakers: SPEAKER_KEYS,
      quotes: ['speaker', 'text'],
      presentations: ['title', 'speaker', 'organization', 'country', 'url', 'file'],
      sources: ['url', 'title', 'published'],
    },
  },
  person: { top: ['name', 'honorific', 'aliases', 'country', 'organization', 'position', 'links', 'distinct_from'], nested: {} },
  organization: { top: ['name', 'acronym', 'aliases', 'country', 'kind', 'links'], nested: {} },
};

/** Lists of short words written on one line when they fit: `topics: [hrm, digital-transformation]`. */
const ONE_LINE_KEYS = new Set(['title', 'theme', 'text']);

const INLINE_LISTS = new Set(['organizers', 'partners', 'topics', 'countries', 'aliases', 'distinct_from']);

const SCHEMA_FILES: Record<RecordKind, string> = { event: 'event.schema.json', person: 'person.schema.json', organization: 'organization.schema.json' };
const MODELINE = /^\s*yaml-language-server:\s*\$schema=/;

/**
 * The `# yaml-language-server: $schema=...` line for a record file, pointing at the schemas
 * that travel with the archive (its own schemas/ folder, or the one beside it, as in the
 * hub repository). Undefined when there are none to point at.
 */
export function schemaModeline(root: string, kind: RecordKind, fileAbs: string): string | undefined {
  for (const dir of [path.join(root, 'schemas'), path.join(path.dirname(root), 'schemas')]) {
    const schema = path.join(dir, SCHEMA_FILES[kind]);
    if (existsSync(schema)) return ` yaml-language-server: $schema=${path.relative(path.dirname(fileAbs), schema).split(path.sep).join('/')}`;
  }
  return undefined;
}

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; message: string };

/**
 * Rewrites record text into canonical form, keeping its comments. Refuses (rather than
 * risk a record) when the text does not parse, or when the result would not read back as
 * exactly the same data.
 */
export function formatRecordText(kind: RecordKind, text: string, modeline?: string): FormatResult {
  const { parseDocument } = loadYaml();
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, merge: false, customTags: unfoldedStrings });
  if (doc.errors.length > 0) return { ok: false, message: `it does not parse as YAML (${doc.errors[0]!.message.split('\n')[0]}): run \`hub validate\` to see where` };
  if (/(?:^|[\s[{,])[&*][^\s]/m.test(text) && hasAliases(doc)) return { ok: false, message: 'it uses YAML anchors or aliases: write the values out, then format it' };
  canonicalize(kind, doc, modeline);
  const out = stringify(doc);
  if (out === text) return { ok: true, text, changed: false };
  // Checked against a fresh reading of the original, so a mistake in reordering cannot hide.
  if (!isDeepStrictEqual(loadYaml().parse(out), loadYaml().parse(text))) return { ok: false, message: 'formatting would change its data (please report this): left as it is' };
  return { ok: true, text: out, changed: out !== text };
}

/** Canonical text for new data: short lists inline, long text as `>-` blocks. */
export function renderRecord(kind: RecordKind, data: Record<string, unknown>, modeline?: string): string {
  const { Document, isScalar, isSeq, visit } = loadYaml();
  const doc = new Document(data, { customTags: unfoldedStrings }) as Document;
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isSeq(pair.value) && INLINE_LISTS.has(key) && pair.value.items.every((item) => isScalar(item))) pair.value.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
      else if (node.value.length > LINE_WIDTH - 10 && !/^\s|\s$|\s\s/.test(node.value)) node.type = 'BLOCK_FOLDED';
    },
  });
  // Titles, themes and quotes read best on one line; prose (summary, notes) as a wrapped block.
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (ONE_LINE_KEYS.has(key) && isScalar(pair.value) && pair.value.type === 'BLOCK_FOLDED') pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  canonicalize(kind, doc, modeline);
  return stringify(doc);
}

function canonicalize(kind: RecordKind, doc: Document, modeline: string | undefined): void {
  const { isMap, isScalar, isSeq, visit } = loadYaml();
  // Mappings are written one key a line with plain keys; only lists of plain values may stay [inline].
  visit(doc, {
    Map(_, map) {
      map.flow = false;
      for (const pair of map.items) if (isScalar(pair.key)) pair.key.type = 'PLAIN';
    },
    Seq(_, seq) {
      if (seq.flow && !seq.items.every((item) => isScalar(item))) seq.flow = false;
    },
  });
  const order = KEY_ORDER[kind];
  if (isMap(doc.contents)) {
    sortKeys(doc.contents, order.top);
    for (const pair of doc.contents.items) {
      const nested = order.nested[keyOf(pair)];
      if (!nested) continue;
      if (isMap(pair.value)) sortKeys(pair.value, nested);
      if (isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) sortKeys(item, nested);
    }
  }
  // The comment above the first key belongs to the document: keep it there, under the modeline.
  const first = isMap(doc.contents) ? (doc.contents.items[0]?.key as Node | undefined) : undefined;
  const lines = [doc.commentBefore, first?.commentBefore].filter((c): c is string => typeof c === 'string' && c !== '').join('\n').split('\n');
  if (first) {
    first.commentBefore = undefined;
    first.spaceBefore = false;
  }
  const header = lines.filter((line) => line !== '' && (modeline === undefined || !MODELINE.test(line)));
  if (modeline !== undefined) header.unshift(modeline);
  // On the first key it is written right above it; on the document, yaml adds a blank line.
  const comment = header.length > 0 ? header.join('\n') : undefined;
  if (first) {
    first.commentBefore = comment;
    doc.commentBefore = null;
  } else {
    doc.commentBefore = comment ?? null;
  }
}

function keyOf(pair: Pair): string {
  const key = pair.key as Scalar | null;
  return key && typeof key === 'object' && 'value' in key ? String(key.value) : '';
}

/** Known keys in the contract's order; anything else after them, as it was. */
function sortKeys(map: YAMLMap, order: string[]): void {
  const rank = (pair: Pair) => {
    const i = order.indexOf(keyOf(pair));
    return i === -1 ? order.length : i;
  };
  const sorted = (map.items as Pair[]).map((pair, i) => ({ pair, i })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.i - b.i);
  map.items = sorted.map((entry) => entry.pair);
}

function stringify(doc: Document): string {
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: LINE_WIDTH, minContentWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

function hasAliases(doc: Document): boolean {
  let found = false;
  loadYaml().visit(doc, {
    Alias() {
      found = true;
      return loadYaml().visit.BREAK;
    },
  });
  return found;
}

/**
 * The core schema's string tag, except that only block text is wrapped: a long quoted title
 * or quote stays on one line instead of being folded at the line width.
 */
function unfoldedStrings(tags: Tags): Tags {
  const { stringifyString } = loadYamlUtil();
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:str') return tag;
    const t = tag as ScalarTag;
    const replacement: ScalarTag = {
      ...t,
      stringify(item, ctx, onComment, onChompKeep) {
        const scalar = item as Scalar;
        const block = scalar.type === 'BLOCK_FOLDED' || scalar.type === 'BLOCK_LITERAL';
        const options = block ? ctx.options : { ...ctx.options, lineWidth: 0 };
        return stringifyString(scalar, { ...ctx, actualString: true, options } as typeof ctx, onComment, onChompKeep);
      },
    };
    return replacement;
  });
}

// Loaded with the reference parser, on first use: queries never need it.
const loadYamlUtil = () => createRequire(import.meta.url)('yaml/util') as typeof import('yaml/util');
