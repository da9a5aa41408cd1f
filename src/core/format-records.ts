import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanArchive } from './archive.js';
import { formatRecordText, schemaModeline } from './canonical.js';
import { checkSize, decodeRecord } from './guards.js';
import type { ArchiveFile } from './records.js';

export interface FormatOutcome {
  file: ArchiveFile;
  /** The text read, to check that nobody changed the file before writing. */
  before?: string;
  /** The canonical text, when it differs from `before`. */
  after?: string;
  /** Why the file cannot be formatted. */
  problem?: string;
}

/**
 * Works out the canonical form of the archive's record files (or those under `only`), without
 * writing anything: what differs, and what cannot be formatted and why.
 */
export async function formatRecords(root: string, only?: string[]): Promise<FormatOutcome[]> {
  const inScope = (file: ArchiveFile) => !only || only.some((p) => file.abs === p || file.abs.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
  const outcomes: FormatOutcome[] = [];
  // Formatting costs about a millisecond a file: large archives are shared out to worker threads.
  const { mapInOrder } = await import('./read-records.js');
  await mapInOrder<FormatOutcome>(scanArchive(root).files.filter(inScope), { kind: 'format', root }, () => null, (file, outcome) => {
    outcomes.push({ ...outcome, file });
  });
  return outcomes;
}

export function formatRecordFile(root: string, file: ArchiveFile): FormatOutcome {
  const tooLarge = checkSize(file.size);
  if (tooLarge) return { file, problem: tooLarge.message };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.abs);
  } catch (error) {
    return { file, problem: `cannot read it: ${(error as Error).message}` };
  }
  const decoded = decodeRecord(bytes);
  if (!decoded.ok) return { file, problem: `${decoded.problem.message} (line ${decoded.problem.line})` };
  const result = formatRecordText(file.kind, decoded.text, schemaModeline(root, file.kind, file.abs));
  if (!result.ok) return { file, problem: result.message };
  return result.changed ? { file, before: decoded.text, after: result.text } : { file };
}
