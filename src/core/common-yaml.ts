import { blockScalar, COLON, DASH, DEEPEST_INDENT, expectLineEnd, flowSequence, giveUp, HASH, plainScalar, quotedScalar, SPACE } from './common-yaml-values.js';

/*
 * A reader for the YAML that records are written in, and nothing more: block mappings with
 * plain keys, block sequences (with compact mappings as items), one-line plain, quoted and
 * flow-sequence values, and literal or folded block scalars. This module follows the lines
 * and their indentation; the values on them are read in common-yaml-values.ts. It reads the
 * bench records about three times faster than js-yaml (155 against 430 ms for 11,994),
 * because it moves from line to line instead of character to character. Anything outside
 * that shape (a multi-line plain or quoted scalar, a flow mapping, a quoted key, a duplicate
 * key, a tab, a document marker...) is not guessed at: the reader answers UNSUPPORTED and the
 * caller goes on to js-yaml, then `yaml`, as before. Tests hold its answers equal to `yaml`'s
 * on the bundled archive and on generated and randomly edited documents.
 */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');

/*
 * Tabs, carriage returns, the Unicode line and paragraph separators and byte-order marks
 * have rules of their own, and the C0 and C1 controls are not allowed in YAML; surrogates
 * (characters beyond the Basic Multilingual Plane, or broken ones) are rare enough to leave
 * to js-yaml too. One character class, so the check is a quick scan.
 */
const AVOIDED = /[\t\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/** The data of a record written in the common shape, or UNSUPPORTED. */
export function parseCommonYaml(text: string): unknown {
  if (AVOIDED.test(text)) return UNSUPPORTED;
  try {
    return new LineReader(text).document();
  } catch {
    // GIVE_UP, or an escape JSON.parse refused: either way, the text is for js-yaml.
    return UNSUPPORTED;
  }
}

class LineReader {
  /** Start of the line not yet consumed. */
  private pos = 0;
  /** The content line found at `lineAt` by line(): its indentation, first character and end. */
  private lineAt = -1;
  private indent = -1;
  private start = 0;
  private end = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    if (this.line() !== 0) giveUp();
    const data = this.mapping(0);
    if (this.line() !== -1) giveUp();
    return data;
  }

  /**
   * Moves to the next line with content (skipping blank lines and comments) and returns its
   * indentation, or -1 at the end of the text. Does not consume it.
   */
  private line(): number {
    if (this.lineAt === this.pos) return this.indent;
    const text = this.text;
    let pos = this.pos;
    while (pos < text.length) {
      let i = pos;
      while (text.charCodeAt(i) === SPACE) i++;
      let end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
      if (i === end || text.charCodeAt(i) === HASH) {
        pos = end + 1;
        continue;
      }
      while (text.charCodeAt(end - 1) === SPACE) end--;
      if (i - pos > DEEPEST_INDENT) giveUp();
      // Document markers and directives.
      if (i === pos && (text.startsWith('---', i) || text.startsWith('...', i))) giveUp();
      this.pos = pos;
      this.lineAt = pos;
      this.indent = i - pos;
      this.start = i;
      this.end = end;
      return this.indent;
    }
    this.pos = text.length;
    this.lineAt = this.pos;
    this.indent = -1;
    return -1;
  }

  private consume(): void {
    this.pos = this.nextLineStart();
  }

  /** Where the line after the current one starts. */
  private nextLineStart(): number {
    const next = this.text.indexOf('\n', this.end);
    return next === -1 ? this.text.length : next + 1;
  }

  private isSequenceItem(): boolean {
    return this.text.charCodeAt(this.start) === DASH && (this.start + 1 === this.end || this.text.charCodeAt(this.start + 1) === SPACE);
  }

  /** A mapping or a sequence whose lines are indented by `indent`. */
  private block(indent: number): unknown {
    return this.isSequenceItem() ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let at = this.line(); at !== -1 && at >= indent; at = this.line()) {
      if (at > indent) giveUp();
      const colon = this.keyEnd(this.start);
      if (colon === -1) giveUp();
      const key = this.key(this.start, colon);
      if (Object.hasOwn(map, key) || key === '__proto__' || NOT_A_STRING_KEY.has(key)) giveUp();
      map[key] = this.valueAfter(colon + 1, indent);
    }
    return map;
  }

  /**
   * The key between `start` and `end`. Records repeat a few dozen keys: the string made for
   * the last key of each first letter and length is reused when the text matches, instead of
   * a new string that V8 must look up in its string table before it can be a property name.
   */
  private key(start: number, end: number): string {
    const slot = ((this.text.charCodeAt(start) & 0x3f) << 5) | ((end - start) & 0x1f);
    const known = KEYS[slot];
    if (known !== undefined && known.length === end - start && this.text.startsWith(known, start)) return known;
    const key = this.text.slice(start, end);
    KEYS[slot] = key;
    return key;
  }

  /**
   * Where the colon after a plain key starting at `i` is: a letter or underscore, then
   * letters, digits, `_` or `-`, then `:` at the end of the line or before a space. -1 when
   * the line does not start that way.
   */
  private keyEnd(i: number): number {
    const text = this.text;
    let code = text.charCodeAt(i);
    if (!(isLetter(code) || code === 0x5f)) return -1;
    for (code = text.charCodeAt(++i); isLetter(code) || isDigit(code) || code === 0x5f || code === DASH; code = text.charCodeAt(++i));
    if (code !== COLON) return -1;
    return i + 1 === this.end || text.charCodeAt(i + 1) === SPACE ? i : -1;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let at = this.line(); at === indent && this.isSequenceItem(); at = this.line()) {
      let i = this.start + 1;
      while (i < this.end && this.text.charCodeAt(i) === SPACE) i++;
      if (i === this.end || this.text.charCodeAt(i) === HASH) {
        items.push(this.nestedOrNull(indent));
      } else if (this.keyEnd(i) !== -1) {
        // A compact mapping: its keys line up with the first one, after the dash.
        this.indent = i - this.pos;
        this.start = i;
        items.push(this.mapping(this.indent));
      } else {
        items.push(this.valueAt(i, indent));
      }
    }
    if (this.line() > indent) giveUp();
    return items;
  }

  /** The value after a key's colon, on the same line or, when none is there, in the lines below. */
  private valueAfter(i: number, indent: number): unknown {
    const text = this.text;
    while (i < this.end && text.charCodeAt(i) === SPACE) i++;
    if (i === this.end || text.charCodeAt(i) === HASH) {
      this.consume();
      const next = this.line();
      // A sequence may sit at its key's own indentation.
      if (next === indent && this.isSequenceItem()) return this.sequence(indent);
      return next > indent ? this.block(next) : null;
    }
    return this.valueAt(i, indent);
  }

  private nestedOrNull(indent: number): unknown {
    this.consume();
    const next = this.line();
    return next > indent ? this.block(next) : null;
  }

  /** A value starting at `i` on the current line, which it consumes; nothing may continue it below. */
  private valueAt(i: number, indent: number): unknown {
    const text = this.text;
    const code = text.charCodeAt(i);
    let value: unknown;
    if (code === 0x7c || code === 0x3e) {
      const [block, next] = blockScalar(text, i, this.end, this.nextLineStart(), indent);
      this.pos = next;
      value = block;
    } else {
      if (code === 0x22 || code === 0x27) {
        const [parsed, after] = quotedScalar(text, i, this.end);
        expectLineEnd(text, after, this.end);
        value = parsed;
      } else if (code === 0x5b) {
        value = flowSequence(text, i, this.end);
      } else if (code === 0x7b) {
        if (text.charCodeAt(i + 1) !== 0x7d) giveUp();
        expectLineEnd(text, i + 2, this.end);
        value = {};
      } else {
        value = plainScalar(text, i, this.end);
      }
      this.consume();
    }
    // A more indented line would continue a multi-line scalar, or be an error.
    if (this.line() > indent) giveUp();
    return value;
  }
}

const isLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

const KEYS: Array<string | undefined> = new Array(64 * 32);

/** Keys that the core schema reads as something other than their own text. */
const NOT_A_STRING_KEY = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
