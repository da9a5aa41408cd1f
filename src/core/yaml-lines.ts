/*
 * One line of a record, read as a person wrote it, and one value written back: for the
 * messages that say what to write (yaml-messages.ts, comment-cuts.ts). Not a YAML parser:
 * the reference parser has already said what the text means; these only point into it.
 */

/** `  - name: value`: the indentation, any list dashes, the key, and the text after `: `. */
const KEY_LINE = /^([ ]*(?:-[ ]+)*)([^\s#:'"[\]{}&*!|>%@`-][^:#]*?):(?:[ \t]+(.*?))?[ \t]*$/;

export interface KeyLine {
  key: string;
  /** 1-based column of the key. */
  keyCol: number;
  /** The rest of the line after `key: `, as written (comments included); empty when none. */
  value: string;
  /** 1-based column of the value; 0 when there is none. */
  valueCol: number;
}

export function readKeyLine(line: string | undefined): KeyLine | undefined {
  const match = line === undefined ? null : KEY_LINE.exec(line);
  if (!match) return undefined;
  const value = match[3] ?? '';
  // The value is the line's tail, so its last occurrence is where it starts.
  return { key: match[2]!.trimEnd(), keyCol: match[1]!.length + 1, value, valueCol: value === '' ? 0 : line!.lastIndexOf(value) + 1 };
}

/** The text as one quoted scalar: in the quotes preferred when they need no escape inside, else in the other. */
export function quoted(text: string, prefer: '"' | "'" = '"'): string {
  const single = () => `'${text.replace(/'/g, "''")}'`;
  const double = () => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (prefer === '"') return text.includes('"') || text.includes('\\') ? single() : `"${text}"`;
  return text.includes("'") ? double() : `'${text}'`;
}
