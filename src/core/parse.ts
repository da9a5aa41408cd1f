import { createRequire } from 'node:module';
import { parseCommonYaml, UNSUPPORTED } from './common-yaml.js';
import { loadYaml } from './load-yaml.js';
import { describeYamlError, LONE_CR } from './yaml-messages.js';
import { CORE_SCALAR_RULES } from './yaml-scalars.js';

// The reference parser is needed only for unusual or broken files, and js-yaml only for
// records the common-shape reader leaves (loading it took about 12 ms): each loads on first use.
const require = createRequire(import.meta.url);
type JsYaml = typeof import('js-yaml');

/*
 * Three YAML readers, one truth. `yaml` is the reference: it keeps source positions and its
 * YAML 1.2 core schema defines what a record means. It costs about 550 µs a record, so the
 * bulk pass first tries the common-shape reader (common-yaml.ts, about 13 µs), which reads
 * the block style records are written in and leaves anything else; then js-yaml (about
 * 40 µs) with a schema built to resolve plain scalars exactly as `yaml`'s core schema does.
 * Anything unusual (anchors, aliases, tags, directives, null keys) and anything js-yaml
 * rejects goes to `yaml`, whose answer stands. Tests check that all three agree on the
 * whole archive and on generated and edited documents.
 */

let jsYamlLoader: ((text: string) => unknown) | undefined;

function loadJsYaml(): (text: string) => unknown {
  const jsYaml = require('js-yaml') as JsYaml;
  const schema = jsYaml.FAILSAFE_SCHEMA.extend({
    implicit: CORE_SCALAR_RULES.map(
      (rule) =>
        new jsYaml.Type(rule.tag, {
          kind: 'scalar',
          resolve: (data: unknown) => typeof data === 'string' && rule.test.test(data),
          construct: (data: string) => rule.construct(data),
        }),
    ),
  });
  return (text) => jsYaml.load(text, { schema, json: false });
}

/*
 * Text the fast parser does not take, each part for a reason. Past the first three, nearly
 * all were found by the property tests in parse.test.ts: texts js-yaml reads otherwise than
 * the reference. No two quantifiers in a part can take the same spaces, so each is linear in the
 * text (`[ \t]*` twice in a row once took 140 s on 400,000 spaces).
 */
const REFERENCE_ONLY = [
  // Anchors, aliases and tags, and a bare `&`, `*` or `!`.
  /(?:^|[\s[{,])[&*!]/,
  // Directives.
  /^%/,
  // A null or empty key: in a block; in a flow collection, any item that starts with a colon
  // or a null (`{~}`, `[: x]`).
  /^[ \t]*(?:-[ \t]+)*(?:(?:~|null|Null|NULL)[ \t]*)?:(?:[ \t]|$)|[[{,][ \t]*(?:~|null|Null|NULL|:)/,
  // A key that may be a list or mapping: js-yaml makes it text, the reference refuses it. A
  // line that starts with one and has `: ` after it, or an explicit `?` key, or one inside a
  // flow collection. `- {speaker: a, text: b}`, common in records, is not one.
  /^[ \t]*(?:-[ \t]+)*(?:\?|[[{][^\n]*[\]}][ \t]*:(?:[ \t]|$))|[[{,][ \t]*[[{?]/,
  // A lone carriage return: a line end to js-yaml, text to the reference.
  LONE_CR,
  // A tab that starts a line: skipped before a lone value by js-yaml, refused by the reference;
  // or one in a line of only spaces and tabs, which a block scalar keeps and js-yaml drops.
  /^\t|^ *\t[ \t]*$/,
  // A byte order mark anywhere but at the start.
  /\uFEFF/,
  // A document marker with more on its line.
  /^(?:---|\.\.\.)(?:[^ \t\r\n]|[ \t]+[^ \t\r\n#])/,
  // A comment straight after a quote or a bracket.
  /["'\]}]#/,
  // A block scalar's indentation digit, or a document that is one block scalar.
  /[|>][-+]?[1-9]|^[ \t]*[|>]/,
  // A list item with nothing after its dash: js-yaml adds the next, less indented item to its list.
  /^[ \t]*(?:-[ \t]+)*-[ \t]*(?:#[^\n]*)?$/,
];

/** See REFERENCE_ONLY; needsReferenceParser adds what an expression cannot say in linear time. */
const NEEDS_REFERENCE_PARSER = new RegExp(REFERENCE_ONLY.map((part) => part.source).join('|'), 'm');

export interface ParseProblem {
  line: number;
  col: number;
  message: string;
}

/** A guard's refusal: a problem with the rule it breaks (too-deep). */
export interface GuardProblem extends ParseProblem {
  rule: string;
}

export type ParseResult = { ok: true; data: unknown } | { ok: false; problem: ParseProblem | GuardProblem };

/** Limits that keep a hostile file from exhausting memory or the stack. */
export const MAX_ALIAS_COUNT = 100;

export function parseFast(text: string): unknown {
  // An empty document (or one of comments only) is null to `yaml`, undefined to js-yaml.
  jsYamlLoader ??= loadJsYaml();
  return jsYamlLoader(text) ?? null;
}

/**
 * True for text the fast parser leaves to the reference parser. Only texts the common-shape
 * reader left are asked, a few in a large pass: the expression itself is fast enough.
 */
export function needsReferenceParser(text: string): boolean {
  return NEEDS_REFERENCE_PARSER.test(text) || continuesOnNextLine(text);
}

/**
 * True when a list, mapping or quoted text is left open at the end of a line: written over
 * several lines, whose indentation js-yaml does not check and the reference does (`l: [`
 * then `N]`, or `- '` then `'`, at the start of the next line). A quote counts only where a
 * value can start (after `: `, `- `, `[`, `{`, `,` or at the start of a line), so the
 * apostrophe in `Hub's` does not. One pass, linear in the text. Where it errs it says true,
 * which only costs the reference parser's time.
 */
function continuesOnNextLine(text: string): boolean {
  let depth = 0;
  let valueStarts = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (depth > 0) return true;
      valueStarts = true;
    } else if (c === ' ' || c === '\t') {
      // Spaces keep whatever came before them.
    } else if (c === '#' && (i === 0 || /[ \t\n]/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
    } else if ((c === '"' || c === "'") && valueStarts) {
      const close = closingQuote(text, i);
      if (close === -1) return true;
      i = close;
      valueStarts = false;
    } else if (c === '[' || c === '{') {
      depth++;
      valueStarts = true;
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
      valueStarts = false;
    } else if (c === ',' || ((c === ':' || c === '-' || c === '?') && /^[ \t\n]?$/.test(text[i + 1] ?? ''))) {
      valueStarts = true;
    } else {
      valueStarts = false;
    }
  }
  return depth > 0;
}

/** Where the quoted text opened at `at` closes on the same line, or -1. */
function closingQuote(text: string, at: number): number {
  const quote = text[at];
  for (let j = at + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (quote === '"' && c === '\\') j++;
    else if (c === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}

/**
 * The data of a YAML text. `guard` is asked before the text goes to js-yaml or `yaml`, which
 * recurse, so a hostile text must be refused first (checkNesting); the common-shape reader
 * does not recurse past the indentation it accepts, so the text it takes skips the guard.
 */
export function parseYaml(text: string, guard?: (text: string) => GuardProblem | undefined): ParseResult {
  const common = parseCommonYaml(text);
  if (common !== UNSUPPORTED) return { ok: true, data: common };
  const refused = guard?.(text);
  if (refused) return { ok: false, problem: refused };
  if (needsReferenceParser(text)) return parseReference(text);
  try {
    return { ok: true, data: parseFast(text) };
  } catch {
    return parseReference(text);
  }
}

/** The reference parse: `yaml`, strict, with located errors. */
export function parseReference(text: string): ParseResult {
  const { LineCounter, parseDocument, isScalar, visit } = loadYaml();
  const lineCounter = new LineCounter();
  // Two keys are the same when they become the same key of a JavaScript object: `1` and
  // `"1"` are different YAML but one key to every reader of the record, and the later one
  // would silently replace the earlier.
  const sameKey = (a: unknown, b: unknown) => a === b || (isScalar(a) && isScalar(b) && String(a.value) === String(b.value));
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: sameKey, strict: true, merge: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) return { ok: false, problem: describeYamlError(problem, lineCounter, text, doc) };
  // A key that is an alias or a collection: uniqueKeys cannot see what an alias stands for
  // (`title: &t title` then `*t : B` replaced the title unseen), and a list as a key becomes
  // its text with a warning from the parser. No record key is either.
  let oddKey: ParseProblem | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (pair.key === null || isScalar(pair.key)) return undefined;
      const { line, col } = lineCounter.linePos((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0);
      oddKey = { line, col, message: 'a key must be plain text, such as `title`, not an alias or a list or mapping: write the key out' };
      return visit.BREAK;
    },
  });
  if (oddKey) return { ok: false, problem: oddKey };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const alias = /\*[^\s,\]}]+/.exec(text);
    const pos = lineCounter.linePos(alias?.index ?? 0);
    const message = /alias/i.test((error as Error).message)
      ? `too many aliases (over ${MAX_ALIAS_COUNT} expansions): a record never needs them; write the values out`
      : (error as Error).message;
    return { ok: false, problem: { line: pos.line, col: pos.col, message } };
  }
}
