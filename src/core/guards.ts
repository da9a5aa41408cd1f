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
export function decodeRecord(bytes: Uint8Array): DecodeResult {
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
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const depthProblem = checkNesting(text);
  if (depthProblem) return { ok: false, problem: depthProblem };
  return { ok: true, text };
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

/**
 * Estimates how deeply a document nests without parsing it: flow brackets that open a value
 * (outside quotes and comments), and the run of indentation and `- ` indicators that opens a
 * line. Generous for real records (which nest four or five levels), fatal for attacks.
 */
export function checkNesting(text: string): ByteProblem | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let quote: '"' | "'" | undefined;
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      const prefix = /^(?:[ \t]|[-?:](?=[ \t]))*/.exec(text.slice(lineStart, lineStart + MAX_BLOCK_PREFIX + 2))![0];
      if (prefix.length > MAX_BLOCK_PREFIX) return tooDeep(line, prefix.length + 1);
      prev = '\n';
      continue;
    }
    if (quote) {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (ch === '#' && (prev === '\n' || prev === ' ' || prev === '\t')) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
      continue;
    }
    const opensValue = prev === '\n' || /[:\-[{,?]/.test(prev);
    if ((ch === '"' || ch === "'") && opensValue) quote = ch;
    else if ((ch === '[' || ch === '{') && opensValue) {
      depth++;
      if (depth > MAX_FLOW_DEPTH) return tooDeep(line, i - lineStart + 1);
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    if (ch !== ' ' && ch !== '\t') prev = ch;
  }
  if (text.length > 0) {
    const first = /^(?:[ \t]|[-?:](?=[ \t]))*/.exec(text.slice(0, MAX_BLOCK_PREFIX + 2))![0];
    if (first.length > MAX_BLOCK_PREFIX) return tooDeep(1, first.length + 1);
  }
  return undefined;
}

function tooDeep(line: number, col: number): ByteProblem {
  return {
    line,
    col,
    rule: 'too-deep',
    message: `this record nests too deeply (over ${MAX_FLOW_DEPTH} levels): records need only a few; flatten the structure`,
  };
}
