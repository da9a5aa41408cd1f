import { isUtf8 } from 'node:buffer';

/*
 * Checks made on a record's bytes before any parser sees them. `yaml` recurses on nesting
 * (about 900 nested `[` overflow its stack, and a second such file has aborted Node with an
 * uncatchable error) and a 50 MB record took 33 s and 3 GB, so size and depth are bounded
 * here, cheaply, and a file that fails becomes a located problem instead of a crash.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;
export const MAX_FLOW_DEPTH = 64;
export const MAX_BLOCK_PREFIX = 256;

export interface ByteProblem {
  line: number;
  col: number;
  rule: 'too-large' | 'binary' | 'encoding' | 'too-deep';
  message: string;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: ByteProblem };

export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

export function checkSize(size: number): ByteProblem | undefined {
  if (size <= MAX_RECORD_BYTES) return undefined;
  return {
    line: 1,
    col: 1,
    rule: 'too-large',
    message: `this record is ${describeSize(size)}; records are limited to 1 MiB: move long texts out of it or split it`,
  };
}

/** Bytes to text, refusing binary files and invalid UTF-8 with the place of the first bad byte. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const sizeProblem = checkSize(bytes.length);
  if (sizeProblem) return { ok: false, problem: sizeProblem };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, problem: { ...bytePosition(bytes, nul), rule: 'binary', message: 'this is a binary file (it holds NUL bytes), not a YAML record: remove it or move it out of the record folders' } };
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    return {
      ok: false,
      problem: { ...bytePosition(bytes, bad), rule: 'encoding', message: 'this file is not valid UTF-8: save it as UTF-8 (the first bad byte is here)' },
    };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** decodeText, then the nesting check, for text that will go to a recursive parser. */
export function decodeRecord(bytes: Uint8Array): DecodeResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const depthProblem = checkNesting(decoded.text);
  return depthProblem ? { ok: false, problem: depthProblem } : decoded;
}

function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  return { line, col };
}

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** A line opened by more indentation and `- ` indicators than any record needs. */
const DEEP_BLOCK = new RegExp(`^(?:[ \\t]|[-?:](?=[ \\t])){${MAX_BLOCK_PREFIX + 1}}`, 'm');

/**
 * Estimates how deeply a document nests without parsing it: flow brackets that open a value
 * (outside quotes and comments), and the run of indentation and `- ` indicators that opens a
 * line. Generous for real records (which nest four or five levels), fatal for attacks. It
 * jumps from one significant character to the next, so it costs little on long texts.
 */
export function checkNesting(text: string): ByteProblem | undefined {
  const deepBlock = DEEP_BLOCK.exec(text);
  if (deepBlock) return tooDeep(text, deepBlock.index + deepBlock[0].length);
  const significant = /["'#[\]{}]/g;
  let depth = 0;
  for (let match = significant.exec(text); match; match = significant.exec(text)) {
    const i = match.index;
    const ch = text[i]!;
    if (ch === '#') {
      if (i === 0 || /[ \t\n]/.test(text[i - 1]!)) significant.lastIndex = lineEnd(text, i);
      continue;
    }
    if (ch === ']' || ch === '}') {
      if (depth > 0) depth--;
      continue;
    }
    if (!opensValue(text, i)) continue;
    if (ch === '"' || ch === "'") {
      significant.lastIndex = closingQuote(text, i) + 1;
    } else if (++depth > MAX_FLOW_DEPTH) {
      return tooDeep(text, i);
    }
  }
  return undefined;
}

/** True when the character at `i` starts a value: first on its line, or after `:`, `-`, `[`, `{`, `,` or `?`. */
function opensValue(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || /[\n:\-[{,?]/.test(text[j]!);
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end;
}

/** Where a quoted scalar opened at `open` closes (or the end of the text when it never does). */
function closingQuote(text: string, open: number): number {
  const quote = text[open]!;
  for (let i = text.indexOf(quote, open + 1); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (quote === "'") {
      if (text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
    let backslashes = 0;
    for (let k = i - 1; text[k] === '\\'; k--) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return text.length;
}

function tooDeep(text: string, offset: number): ByteProblem {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return {
    line,
    col,
    rule: 'too-deep',
    message: `this record nests too deeply (over ${MAX_FLOW_DEPTH} levels): records need only a few; flatten the structure`,
  };
}
