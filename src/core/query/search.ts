import type { Database } from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { addCondition, addDateConditions, andClause, emptyConditions, EVENTS_OF_COUNTRY, type DateFilters } from './scope.js';

export interface SearchFilters extends DateFilters {
  country?: string;
  limit?: number;
}

export interface SearchHit {
  kind: 'event' | 'quote';
  event: string;
  title: string;
  start: string;
  /** The passage that matched, matches wrapped in MARK_START and MARK_END. */
  snippet: string;
  /** Who said it (quotes only). */
  speaker: string | null;
  rank: number;
}

/** Control characters, which a record can hold only through a YAML escape: they do not clash with text. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * What the user typed to an FTS5 query: words must all appear (each also matches as the
 * start of a longer word, so "대한민국" finds "대한민국의"), "quoted words" as a phrase.
 * Every term is quoted, so FTS5 operators and punctuation in the input are just text.
 */
export function toFtsQuery(text: string): string {
  const terms: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/gu;
  for (const match of text.matchAll(pattern)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      if (/[\p{L}\p{N}]/u.test(phrase)) terms.push(`"${phrase.trim()}"`);
      continue;
    }
    const word = match[2]!;
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    terms.push(`"${word.replace(/"/g, '""')}"*`);
  }
  if (terms.length === 0) throw new UsageError(`\`${text}\` has no words to search for`, 'give one or more words, or a "quoted phrase"');
  return terms.join(' ');
}

/**
 * Full-text search over titles, themes, series, summaries and quotes; best matches first
 * (BM25, a title match weighing more). Case and accents are ignored by the tokenizer.
 */
export function searchArchive(db: Database, text: string, filters: SearchFilters = {}): SearchHit[] {
  const c = emptyConditions();
  addDateConditions(c, filters);
  addCondition(c, `e.key IN (${EVENTS_OF_COUNTRY})`, { country: filters.country });
  c.params.query = toFtsQuery(text);
  c.params.limit = filters.limit ?? -1;
  return db
    .prepare(
      `SELECT d.kind, e.id AS event, e.title, e.start,
         snippet(search, -1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet,
         CASE WHEN d.kind = 'quote' THEN (SELECT COALESCE(p.name, q.speaker) FROM quotes q LEFT JOIN people p ON p.id = q.person_id
           WHERE q.event_key = d.event_key AND q.seq = d.seq) END AS speaker,
         bm25(search, 3.0, 1.0) AS rank
       FROM search JOIN search_docs d ON d.rowid = search.rowid JOIN events e ON e.key = d.event_key
       WHERE search MATCH @query${andClause(c)}
       ORDER BY rank, e.start_first DESC, e.id, d.seq
       LIMIT @limit`,
    )
    .all(c.params) as SearchHit[];
}
