import { MAX_BLOCK_PREFIX } from './guards.js';
import { resolvePlainScalar } from './yaml-scalars.js';

/*
 * A reader for the YAML that records are written in, and nothing more: block mappings with
 * plain keys, block sequences (with compact mappings as items), one-line plain, quoted and
 * flow-sequence values, and literal or folded block scalars. It reads the bench records about
 * three times faster than js-yaml (155 against 430 ms for 11,994), because it moves from line
 * to line instead of character to character. Anything outside that shape (a multi-line plain
 * or quoted scalar, a flow mapping, a quoted key, a duplicate key, a tab, a document
 * marker...) is not guessed at: the reader answers UNSUPPORTED and the caller goes on to
 * js-yaml, then `yaml`, as before. Tests hold its answers equal to `yaml`'s on the bundled
 * archive and on generated and randomly edited documents.
 */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');

/** Thrown inside the reader to give up; never leaves this module. */
const GIVE_UP = { giveUp: true };

/*
 * Tabs, carriage returns, the Unicode line and paragraph separators and byte-order marks
 * have rules of their own, and the C0 and C1 controls are not allowed in YAML; surrogates
 * (characters beyond the Basic Multilingual Plane, or broken ones) are rare enough to leave
 * to js-yaml too. One character class, so the check is a quick scan.
 */
const AVOIDED = /[\t\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/*
 * The nesting guard (checkNesting) protects the parsers that recurse on what they read; this
 * one recurses only as deep as the indentation, and reads flow sequences one level deep.
 * Lines indented further than the guard allows are left to the other parsers, so that the
 * guard refuses them there, as it always has.
 */
const DEEPEST_INDENT = MAX_BLOCK_PREFIX - 4;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

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

function giveUp(): never {
  throw GIVE_UP;
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
    const next = this.text.indexOf('\n', this.end);
    this.pos = next === -1 ? this.text.length : next + 1;
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
    if (code === 0x22 || code === 0x27) {
      const [parsed, after] = this.quoted(i);
      this.expectLineEnd(after);
      value = parsed;
    } else if (code === 0x5b) {
      value = this.flowSequence(i);
    } else if (code === 0x7b) {
      if (text.charCodeAt(i + 1) !== 0x7d) giveUp();
      this.expectLineEnd(i + 2);
      value = {};
    } else if (code === 0x7c || code === 0x3e) {
      return this.blockScalar(i, indent);
    } else {
      value = this.plain(i);
    }
    this.consume();
    // A more indented line would continue a multi-line scalar, or be an error.
    if (this.line() > indent) giveUp();
    return value;
  }

  /** A plain scalar running to the end of the line or to a comment. */
  private plain(i: number): unknown {
    const text = this.text;
    const code = text.charCodeAt(i);
    if (PLAIN_NEVER_STARTS.includes(text[i]!)) giveUp();
    if ((code === DASH || code === 0x3f || code === COLON) && (i + 1 === this.end || text.charCodeAt(i + 1) === SPACE)) giveUp();
    let end = this.end;
    for (let j = i + 1; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === HASH && text.charCodeAt(j - 1) === SPACE) end = j;
      // `a: b` or a trailing `:` would make the value a key.
      else if (c === COLON && (j + 1 === end || text.charCodeAt(j + 1) === SPACE)) giveUp();
    }
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return resolvePlainScalar(text.slice(i, end));
  }

  /** A quoted scalar that closes on its own line: its value, and where it ends. */
  private quoted(i: number): [string, number] {
    const text = this.text;
    const end = this.end;
    if (text.charCodeAt(i) === 0x27) {
      let j = text.indexOf("'", i + 1);
      let escaped = false;
      while (j !== -1 && j < end && text.charCodeAt(j + 1) === 0x27) {
        escaped = true;
        j = text.indexOf("'", j + 2);
      }
      if (j === -1 || j >= end) giveUp();
      const inner = text.slice(i + 1, j);
      return [escaped ? inner.replaceAll("''", "'") : inner, j + 1];
    }
    const close = text.indexOf('"', i + 1);
    const backslash = text.indexOf('\\', i + 1);
    if (close !== -1 && close < end && (backslash === -1 || backslash > close)) return [text.slice(i + 1, close), close + 1];
    for (let j = i + 1; j < end; j++) {
      const code = text.charCodeAt(j);
      if (code === 0x22) return [JSON.parse(text.slice(i, j + 1)) as string, j + 1];
      if (code === 0x5c) {
        // The escapes YAML and JSON share; YAML's others (\x, \U, \N, \_, \0, \e...) go to js-yaml.
        if (!JSON_ESCAPES.includes(text[j + 1] ?? '')) giveUp();
        j++;
      }
    }
    return giveUp();
  }

  /** After a value: only spaces, or a comment after a space, to the end of the line. */
  private expectLineEnd(i: number): void {
    if (i === this.end) return;
    if (this.text.charCodeAt(i) !== SPACE) giveUp();
    while (i < this.end && this.text.charCodeAt(i) === SPACE) i++;
    if (i !== this.end && this.text.charCodeAt(i) !== HASH) giveUp();
  }

  /** `[a, "b", 3]` on one line, of scalars only. */
  private flowSequence(i: number): unknown[] {
    const text = this.text;
    const items: unknown[] = [];
    i++;
    for (;;) {
      while (text.charCodeAt(i) === SPACE) i++;
      if (i >= this.end) giveUp();
      const code = text.charCodeAt(i);
      if (code === 0x5d && items.length === 0) {
        i++;
        break;
      }
      if (code === 0x22 || code === 0x27) {
        const [value, after] = this.quoted(i);
        items.push(value);
        i = after;
      } else {
        let j = i;
        while (j < this.end && !FLOW_PLAIN_STOPS.includes(text[j]!)) j++;
        let k = j;
        while (text.charCodeAt(k - 1) === SPACE) k--;
        // `-`, `?` and `:` start a plain scalar only before a character that could follow in one.
        if (k === i || PLAIN_NEVER_STARTS.includes(text[i]!) || ((code === DASH || code === 0x3f || code === COLON) && !isPlainSafe(text.charCodeAt(i + 1)))) giveUp();
        items.push(resolvePlainScalar(text.slice(i, k)));
        i = j;
      }
      while (text.charCodeAt(i) === SPACE) i++;
      const after = text.charCodeAt(i);
      if (after === 0x5d) {
        i++;
        break;
      }
      if (after !== 0x2c) giveUp();
      i++;
      // `[a, ]`: a trailing comma.
      while (text.charCodeAt(i) === SPACE) i++;
      if (text.charCodeAt(i) === 0x5d) giveUp();
    }
    this.expectLineEnd(i);
    return items;
  }

  /** `|`, `|-`, `>` or `>-` and the lines below, indented past `indent`. */
  private blockScalar(i: number, indent: number): string {
    const text = this.text;
    const folded = text.charCodeAt(i) === 0x3e;
    let j = i + 1;
    const strip = text.charCodeAt(j) === DASH;
    if (strip) j++;
    if (j !== this.end) giveUp();
    this.consume();
    const lines: string[] = [];
    let blockIndent = -1;
    let trailingBlank = 0;
    let pos = this.pos;
    while (pos < text.length) {
      let k = pos;
      while (text.charCodeAt(k) === SPACE) k++;
      let lineEnd = text.indexOf('\n', k);
      // A block's last line must end with a line break: without one, clipping differs.
      const unterminated = lineEnd === -1;
      if (unterminated) lineEnd = text.length;
      const spaces = k - pos;
      if (spaces > DEEPEST_INDENT) giveUp();
      if (k === lineEnd) {
        if (unterminated) giveUp();
        // A blank line, inside the block or after it. Spaces past the block's indentation are content.
        if (blockIndent === -1 || spaces > blockIndent) giveUp();
        trailingBlank++;
        lines.push('');
        pos = lineEnd + 1;
        continue;
      }
      if (blockIndent === -1) {
        if (spaces <= indent) giveUp();
        blockIndent = spaces;
      }
      if (spaces < blockIndent) {
        if (spaces > indent) giveUp();
        break;
      }
      // A more indented line is kept as it is, not folded: left to js-yaml.
      if ((folded && spaces > blockIndent) || unterminated) giveUp();
      trailingBlank = 0;
      lines.push(text.slice(pos + blockIndent, lineEnd));
      pos = lineEnd + 1;
    }
    if (blockIndent === -1) giveUp();
    this.pos = pos;
    const content = lines.slice(0, lines.length - trailingBlank);
    const body = folded ? fold(content) : content.join('\n');
    const value = strip ? body : `${body}\n`;
    if (this.line() > indent) giveUp();
    return value;
  }
}

/** Folded lines: one break between two lines becomes a space; each blank line between them, a break. */
function fold(lines: string[]): string {
  let out = lines[0] ?? '';
  let blanks = 0;
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line === '') {
      blanks++;
      continue;
    }
    out += blanks === 0 ? ` ${line}` : `${'\n'.repeat(blanks)}${line}`;
    blanks = 0;
  }
  return out;
}

/** A character that may follow `-`, `?` or `:` at the start of a plain scalar in a flow sequence. */
const isPlainSafe = (code: number) => !Number.isNaN(code) && code !== SPACE && !FLOW_PLAIN_STOPS.includes(String.fromCharCode(code));

const isLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

const KEYS: Array<string | undefined> = new Array(64 * 32);

/** Keys that the core schema reads as something other than their own text. */
const NOT_A_STRING_KEY = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** Characters that cannot start a plain scalar (indicators), or that would start something else. */
const PLAIN_NEVER_STARTS = ',[]{}#&*!|>\'"%@`';
/** Characters that end or complicate a plain scalar inside `[...]`. */
const FLOW_PLAIN_STOPS = ',[]{}#:\'"';
const JSON_ESCAPES = '"\\/bfnrtu';
