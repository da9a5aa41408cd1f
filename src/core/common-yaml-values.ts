import { MAX_BLOCK_PREFIX } from './guards.js';
import { resolvePlainScalar } from './yaml-scalars.js';

/*
 * The values of the common-shape reader (common-yaml.ts): scalars and flow sequences that
 * open and close on one line, and block scalars. Each reads from a position in the text and
 * gives up (GIVE_UP) on anything it is not sure of; the reader then leaves the text to js-yaml.
 */

/** Thrown to give up on a text; parseCommonYaml catches it. */
const GIVE_UP = { giveUp: true };

export function giveUp(): never {
  throw GIVE_UP;
}

/*
 * The nesting guard (checkNesting) protects the parsers that recurse on what they read; the
 * common reader recurses only as deep as the indentation, and reads flow sequences one level
 * deep. Lines indented further than the guard allows are left to the other parsers, so that
 * the guard refuses them there, as it always has.
 */
export const DEEPEST_INDENT = MAX_BLOCK_PREFIX - 4;

export const SPACE = 0x20;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;

/** A plain scalar running to the end of the line or to a comment. */
export function plainScalar(text: string, i: number, lineEnd: number): unknown {
  const code = text.charCodeAt(i);
  if (PLAIN_NEVER_STARTS.includes(text[i]!)) giveUp();
  if ((code === DASH || code === 0x3f || code === COLON) && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) giveUp();
  let end = lineEnd;
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
export function quotedScalar(text: string, i: number, end: number): [string, number] {
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
export function expectLineEnd(text: string, i: number, end: number): void {
  if (i === end) return;
  if (text.charCodeAt(i) !== SPACE) giveUp();
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  if (i !== end && text.charCodeAt(i) !== HASH) giveUp();
}

/** `[a, "b", 3]` on one line, of scalars only. */
export function flowSequence(text: string, i: number, end: number): unknown[] {
  const items: unknown[] = [];
  i++;
  for (;;) {
    while (text.charCodeAt(i) === SPACE) i++;
    if (i >= end) giveUp();
    const code = text.charCodeAt(i);
    if (code === 0x5d && items.length === 0) {
      i++;
      break;
    }
    if (code === 0x22 || code === 0x27) {
      const [value, after] = quotedScalar(text, i, end);
      items.push(value);
      i = after;
    } else {
      let j = i;
      while (j < end && !FLOW_PLAIN_STOPS.includes(text[j]!)) j++;
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
  expectLineEnd(text, i, end);
  return items;
}

/**
 * `|`, `|-`, `>` or `>-` at `i` (its header line ends at `headerEnd`) and the lines from `from`,
 * indented past `indent`: its value, and where the first line after it starts.
 */
export function blockScalar(text: string, i: number, headerEnd: number, from: number, indent: number): [string, number] {
  const folded = text.charCodeAt(i) === 0x3e;
  let j = i + 1;
  const strip = text.charCodeAt(j) === DASH;
  if (strip) j++;
  if (j !== headerEnd) giveUp();
  const lines: string[] = [];
  let blockIndent = -1;
  let trailingBlank = 0;
  let pos = from;
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
  const content = lines.slice(0, lines.length - trailingBlank);
  const body = folded ? fold(content) : content.join('\n');
  return [strip ? body : `${body}\n`, pos];
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

/** Characters that cannot start a plain scalar (indicators), or that would start something else. */
const PLAIN_NEVER_STARTS = ',[]{}#&*!|>\'"%@`';
/** Characters that end or complicate a plain scalar inside `[...]`. */
const FLOW_PLAIN_STOPS = ',[]{}#:\'"';
const JSON_ESCAPES = '"\\/bfnrtu';
