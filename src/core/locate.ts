import { readFileSync } from 'node:fs';
import type { Node } from 'yaml';
import { loadYaml } from './load-yaml.js';
import type { Issue, PathIssue, PathSegment } from './records.js';

/**
 * Gives problems found on parsed data their line and column, by re-reading the file with the
 * position-keeping parser. Only files that have problems pay for this.
 */
export function locateIssues(text: string, issues: PathIssue[]): Issue[] {
  const unlocated = issues.filter((issue) => issue.line === undefined);
  let positionOf: (issue: PathIssue) => { line: number; col: number } = () => ({ line: 1, col: 1 });
  if (unlocated.length > 0) {
    const { LineCounter, parseDocument } = loadYaml();
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false });
    positionOf = (issue) => {
      const offset = findOffset(doc.contents as Node | null, issue.path, issue.at ?? 'value');
      return lineCounter.linePos(offset ?? firstContentOffset(text));
    };
  }
  return issues.map((issue) => {
    const { line, col } = issue.line === undefined ? positionOf(issue) : { line: issue.line, col: issue.col ?? 1 };
    return { file: issue.file, line, col, rule: issue.rule, severity: issue.severity, message: issue.message };
  });
}

function firstContentOffset(text: string): number {
  const match = /^(?!\s*(?:#|$)).*/m.exec(text);
  return match ? match.index : 0;
}

/**
 * The offset of the key or value a path names. Where the path runs out (a required key is
 * missing), the deepest thing that exists stands in: the key of the mapping that lacks it.
 */
function findOffset(root: Node | null, path: PathSegment[], at: 'key' | 'value'): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = loadYaml();
  let node: unknown = root;
  let fallback: number | undefined = rangeStart(root);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return fallback;
      const keyStart = rangeStart(pair.key as Node);
      if (last && at === 'key') return keyStart;
      const value = pair.value as Node | null;
      const valueStart = rangeStart(value);
      const emptyValue = value === null || (isScalar(value) && value.value === null && value.source === '');
      if (last) return emptyValue ? keyStart : (valueStart ?? keyStart);
      fallback = keyStart;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) return fallback;
      const itemStart = rangeStart(item);
      if (last) return itemStart ?? fallback;
      fallback = itemStart ?? fallback;
      node = item;
    } else {
      return fallback;
    }
  }
  return rangeStart(node as Node | null) ?? fallback;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && 'range' in node && node.range ? node.range[0] : undefined;
}

/**
 * Problems placed in one record file, read from disk only when some still need a place
 * (placed at 1:1 if it cannot be read).
 */
export function locateInFile(abs: string, issues: PathIssue[]): Issue[] {
  let text = '';
  if (issues.some((issue) => issue.line === undefined)) {
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      // placed at 1:1
    }
  }
  return locateIssues(text, issues);
}
