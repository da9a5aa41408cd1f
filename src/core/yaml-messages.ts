import type { Document, LineCounter, Scalar, YAMLError } from 'yaml';
import { loadYaml } from './load-yaml.js';
import { quoted, readKeyLine } from './yaml-lines.js';

/*
 * The reference parser's errors, in words a person fixing a record can act on. The parser
 * says what it met ("Unexpected scalar at node end"); the mistakes behind its commonest
 * errors are few and can be read off the line (an apostrophe inside single quotes, a colon
 * in a title, a key indented one space off), and for those the message says what to write.
 */

/** A carriage return not followed by a line feed: an old Mac line end, which YAML does not take as one. */
export const LONE_CR = /\r(?!\n)/;

export interface LinePosition {
  line: number;
  col: number;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** The closest line above `index` that holds anything but a comment, with its index. */
function lineAbove(lines: string[], index: number): { text: string; index: number } | undefined {
  for (let i = index - 1; i >= 0; i--) if (lines[i]!.trim() !== '' && !lines[i]!.trimStart().startsWith('#')) return { text: lines[i]!, index: i };
  return undefined;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

/** A message for the mistakes the parser's words do not name, read off the lines; undefined when none fits. */
function explainFromLines(error: YAMLError, lines: string[], pos: LinePosition): { message: string; at?: LinePosition } | undefined {
  const here = lines[pos.line - 1];
  const keyLine = readKeyLine(here);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && keyLine) {
    // `title: Panel: Digital HRM`
    if (/: /.test(keyLine.value) && !/^['"[{]/.test(keyLine.value)) {
      return {
        message: `the value of \`${keyLine.key}\` holds \`: \`, which YAML reads as the start of another key: quote it, as \`${keyLine.key}: ${quoted(keyLine.value)}\``,
        at: { line: pos.line, col: keyLine.valueCol },
      };
    }
    // A key indented further than the one above it, as if inside that one's value.
    const nextIndex = lines.findIndex((l, i) => i >= pos.line && l.trim() !== '' && !l.trimStart().startsWith('#'));
    const next = lines[nextIndex];
    const nextKey = readKeyLine(next);
    if (keyLine.value !== '' && nextKey && nextKey.keyCol > keyLine.keyCol && !/^-/.test(next!.trimStart())) {
      return {
        message: `\`${nextKey.key}\` is indented ${spaces(nextKey.keyCol - keyLine.keyCol)} more than \`${keyLine.key}\` above it, which has a value already: line it up with \`${keyLine.key}\``,
        at: { line: nextIndex + 1, col: nextKey.keyCol },
      };
    }
  }
  if (error.code === 'UNEXPECTED_TOKEN' && keyLine && /^['"]/.test(keyLine.value)) {
    // `title: 'Hub's panel'`: the quote closes early and text follows it.
    const quote = keyLine.value[0]!;
    const inner = keyLine.value.endsWith(quote) && keyLine.value.length > 1 ? keyLine.value.slice(1, -1) : undefined;
    const other = quote === "'" ? '"' : "'";
    if (inner !== undefined && inner.includes(quote)) {
      const what = quote === "'" ? 'an apostrophe inside single quotes is written twice (`\'\'`), or the text goes in double quotes' : 'a `"` inside double quotes is written `\\"`, or the text goes in single quotes';
      return {
        message: `the quoted value of \`${keyLine.key}\` ends at its second \`${quote}\`, and text follows it: ${what}, as \`${keyLine.key}: ${quoted(inner, other)}\``,
        at: { line: pos.line, col: keyLine.valueCol },
      };
    }
    if (inner === undefined) {
      // `title: "Panel" on HRM`: quotes around its first words only.
      return {
        message: `only the start of \`${keyLine.key}\` is in quotes, and text follows them: quote the whole value, as \`${keyLine.key}: ${quoted(keyLine.value, other)}\``,
        at: { line: pos.line, col: keyLine.valueCol },
      };
    }
  }
  if (error.code === 'MISSING_CHAR' && /without - indicator/.test(error.message) && keyLine) {
    // `   role: chair` under `  - name: A`: between the dash and the item's keys.
    const above = lineAbove(lines, pos.line - 1);
    const sibling = readKeyLine(above?.text);
    if (sibling && sibling.keyCol !== keyLine.keyCol) {
      return {
        message: `\`${keyLine.key}\` is indented ${spaces(keyLine.keyCol - 1)}, but \`${sibling.key}\` above it, in the same list item, is at ${spaces(sibling.keyCol - 1)}: line them up`,
        at: { line: pos.line, col: keyLine.keyCol },
      };
    }
  }
  if (error.code === 'BAD_INDENT' && /sequence items must start at the same column/.test(error.message) && here !== undefined) {
    const dash = indentOf(here);
    for (let above = lineAbove(lines, pos.line - 1); above; above = lineAbove(lines, above.index)) {
      const indent = indentOf(above.text);
      if (above.text.trimStart().startsWith('-') && indent !== dash && Math.abs(indent - dash) <= 2) {
        return { message: `this list item's \`-\` is indented ${spaces(dash)}, but the item above it is at ${spaces(indent)}: line up the dashes`, at: { line: pos.line, col: dash + 1 } };
      }
      if (indent < Math.min(dash, 2)) break;
    }
  }
  if (error.code === 'MULTILINE_IMPLICIT_KEY' && here !== undefined) {
    // `title:Panel`
    const glued = /^([ ]*(?:-[ ]+)*)([A-Za-z_][\w-]*):(\S.*)$/.exec(here);
    if (glued) return { message: `a key needs a space after its colon: write \`${glued[2]}: ${glued[3]}\``, at: { line: pos.line, col: glued[1]!.length + 1 } };
  }
  if (CONTINUATION_ERRORS.has(error.code) && here !== undefined && !keyLine && !/^\s*(?:-\s|-$|#|$)/.test(here)) {
    // Text pasted over two lines, the second not indented under its key.
    let above = lineAbove(lines, pos.line - 1);
    while (above && !readKeyLine(above.text)) above = lineAbove(lines, above.index);
    const owner = readKeyLine(above?.text);
    const indent = indentOf(here);
    if (owner && owner.value !== '' && indent <= owner.keyCol - 1 && !/^['"[{#]/.test(owner.value)) {
      const how = /^[|>]/.test(owner.value) ? 'indent it as its other lines are' : `indent it further than \`${owner.key}\`, or join it to the line above`;
      return { message: `this line has no \`key:\`: if it goes on with the text of \`${owner.key}\`, ${how}`, at: { line: pos.line, col: indent + 1 } };
    }
  }
  return undefined;
}

/** The parser's errors when a line that should go on with a value above is indented as a key. */
const CONTINUATION_ERRORS = new Set(['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'BAD_INDENT']);

export function describeYamlError(error: YAMLError, lineCounter: LineCounter, text: string, doc: Document): LinePosition & { message: string } {
  let pos: LinePosition = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
  const raw = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  let message: string;
  const fromLines = LONE_CR.test(text) ? undefined : explainFromLines(error, text.split(/\r?\n/), pos);
  if (fromLines) {
    message = fromLines.message;
    pos = fromLines.at ?? pos;
  } else {
    switch (error.code) {
      case 'DUPLICATE_KEY':
        message = describeDuplicateKey(doc, error.pos[0], lineCounter);
        break;
      case 'MULTIPLE_DOCS':
        message = 'a record file holds one YAML document: remove the extra `---` section or split it into files';
        break;
      case 'TAB_AS_INDENT':
        message = 'tabs cannot indent YAML: indent with spaces';
        break;
      case 'BAD_INDENT':
      case 'MISSING_CHAR':
        if (/quote/.test(raw)) {
          // The parser notices at the end of the file; the place to fix is where the quote opened.
          const quote = raw.includes('"') ? '"' : "'";
          const opened = text.lastIndexOf(quote, error.pos[0] - 1);
          if (opened !== -1) pos = lineCounter.linePos(opened);
          message = `this quoted text is never closed: add the closing ${quote}`;
          break;
        }
        {
          // `topics: [hrm, ethics` with no `]`: the parser notices on a later line; the place to fix is the bracket.
          const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(raw);
          const opened = flow ? text.lastIndexOf(flow[2] === ']' ? '[' : '{', error.pos[0] - 1) : -1;
          if (flow && opened !== -1) {
            pos = lineCounter.linePos(opened);
            message = `this \`${flow[2] === ']' ? '[' : '{'}\` is never closed: add the closing \`${flow[2]}\` (a ${flow[1] === 'sequence' ? 'list' : 'mapping'} written over several lines goes on indented under its key)`;
            break;
          }
        }
        message = `YAML syntax: ${lowerFirst(raw)} (check the indentation and quoting on this line)`;
        break;
      case 'BLOCK_AS_IMPLICIT_KEY':
        message = 'YAML syntax: a value on this line is followed by indented keys, or holds `: ` unquoted; check the indentation, or quote the value';
        break;
      case 'UNEXPECTED_TOKEN':
        message = `YAML syntax: ${lowerFirst(raw)} (check the indentation and quoting on this line)`;
        break;
      case 'TAG_RESOLVE_FAILED':
        message = `YAML tags are not used in records: ${lowerFirst(raw)}`;
        break;
      default:
        message = `YAML syntax: ${lowerFirst(raw)}`;
    }
  }
  // Old Mac files end lines with a lone carriage return, which YAML does not take as a line
  // end: the whole file reads as one line, and the message alone would not say why.
  if (LONE_CR.test(text)) message = `this file ends its lines with a lone carriage return (\\r), which YAML does not take as a line end: save it with \\n or \\r\\n line ends (${message})`;
  return { line: pos.line, col: pos.col, message };
}

/** Names the repeated key and where it first appears, so the reader knows which two lines to merge. */
function describeDuplicateKey(doc: Document, at: number, lineCounter: LineCounter): string {
  const { isMap, isScalar, visit } = loadYaml();
  let found: { key: string; firstLine: number } | undefined;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === at);
      if (index === -1) return undefined;
      const key = String((map.items[index]!.key as Scalar).value);
      const first = map.items.slice(0, index).find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
      const start = (first?.key as Scalar | undefined)?.range?.[0];
      if (start !== undefined) found = { key, firstLine: lineCounter.linePos(start).line };
      return visit.BREAK;
    },
  });
  return found
    ? `key \`${found.key}\` appears twice in the same mapping (first on line ${found.firstLine}): keep one`
    : 'this key appears twice in the same mapping: keep one';
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
