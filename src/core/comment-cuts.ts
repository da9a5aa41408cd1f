import type { Issue, PathIssue } from './records.js';
import { quoted, readKeyLine } from './yaml-lines.js';

/*
 * In YAML, ` #` starts a comment, even in the middle of an unquoted value: `title: Top #10
 * reforms` is the title "Top", and nothing says so. People write comments as `# text`; a `#`
 * glued to what follows (`#10`, `#GovTech`) after a plain value is far more often text the
 * value lost. Such a cut is reported where the data shows it happened: the part before the
 * `#` is a value of the record, and the whole line's value is not.
 */

export interface CommentCut {
  line: number;
  /** Column of the `#`. */
  col: number;
  key: string;
  /** What the value became. */
  kept: string;
  /** What was written. */
  written: string;
}

const GLUED_COMMENT = /[ \t]#[^\s#]/;
/*
 * The keys whose values are free text. After a date, a code, an id or a number, a comment is
 * a note on the value (`start: 2020 #year only`), and quoting it would break the value.
 */
const TEXT_KEYS = new Set(['title', 'theme', 'summary', 'notes', 'text', 'name', 'position', 'series', 'venue', 'city', 'organization', 'speaker']);
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

function stringsIn(data: unknown, into = new Set<string>()): Set<string> {
  if (typeof data === 'string') into.add(data);
  else if (Array.isArray(data)) for (const item of data) stringsIn(item, into);
  else if (data !== null && typeof data === 'object') for (const value of Object.values(data)) stringsIn(value, into);
  return into;
}

/**
 * True when a `#` follows a space or tab and precedes text. Records seldom hold a `#`, so this
 * looks for that character alone: on 10,000 generated records it took 2 ms, where
 * GLUED_COMMENT over the whole text, which stops at every space, took 12.
 */
function hasGluedComment(text: string): boolean {
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text[at + 1];
    if ((before === 0x20 || before === 0x09) && after !== undefined && after !== '#' && /\S/.test(after)) return true;
  }
  return false;
}

/** Unquoted values that a glued `#` cut short; none for nearly every record, whose text is glanced at only. */
export function findCommentCuts(text: string, data: unknown): CommentCut[] {
  if (!hasGluedComment(text)) return [];
  const values = stringsIn(data);
  const cuts: CommentCut[] = [];
  const lines = text.split(/\r?\n/);
  // Lines indented past this column belong to a block scalar (`summary: |`), where `#` is text.
  let blockAbove = -1;
  lines.forEach((line, i) => {
    const indent = line.search(/\S/);
    if (blockAbove >= 0 && (indent === -1 || indent > blockAbove)) return;
    blockAbove = -1;
    const keyLine = readKeyLine(line);
    if (!keyLine || keyLine.value === '' || keyLine.value.startsWith('#')) return;
    const { key, value } = keyLine;
    if (BLOCK_SCALAR.test(value)) {
      blockAbove = keyLine.keyCol - 1;
      return;
    }
    if (!TEXT_KEYS.has(key)) return;
    // Quoted, flow, anchored or tagged values are not plain text cut by a comment.
    if (/^['"[{&*!|>]/.test(value)) return;
    const at = value.search(GLUED_COMMENT);
    if (at === -1) return;
    const kept = value.slice(0, at).trimEnd();
    if (!values.has(kept) || values.has(value)) return;
    cuts.push({ line: i + 1, col: keyLine.valueCol + at + 1, key, kept, written: value });
  });
  return cuts;
}

export function describeCommentCut(cut: CommentCut): string {
  const comment = cut.written.slice(cut.written.indexOf('#', cut.kept.length));
  return `\`${comment}\` is read as a YAML comment, so \`${cut.key}\` is \`${cut.kept}\`: if it belongs to the text, quote the value, as \`${cut.key}: ${quoted(cut.written)}\``;
}

/** The cuts in a record's text as located warnings: for `hub validate`, and for `hub add-event --from`. */
export function commentCutWarnings(file: string, text: string, data: unknown): Array<PathIssue & Issue> {
  return findCommentCuts(text, data).map((cut) => ({ file, path: [], rule: 'comment-in-text', severity: 'warning', message: describeCommentCut(cut), line: cut.line, col: cut.col }));
}
