/** The kinds of record in an archive, the folder each lives in, and its file. */
export type RecordKind = 'event' | 'person' | 'organization';

export const KIND_FOLDERS: Record<RecordKind, string> = {
  event: 'events',
  person: 'people',
  organization: 'organizations',
};

export interface ArchiveFile {
  kind: RecordKind;
  /** The file's stem: the record's id. */
  id: string;
  /** Path inside the archive, with forward slashes: events/2024/x.yaml. */
  path: string;
  /** Absolute path on disk. */
  abs: string;
  /** For events: the year folder it sits in. */
  folder?: string;
  size: number;
  mtimeMs: number;
}

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

/** A problem tied to a place in a record, before its line and column are known. */
export interface PathIssue {
  file: string;
  /** Where in the record: keys and list indexes from the top. */
  path: PathSegment[];
  /** Point at the key itself (unknown keys) or at its value (bad values, the default). */
  at?: 'key' | 'value';
  rule: string;
  severity: Severity;
  message: string;
  /** When known already (syntax errors, byte-level problems). */
  line?: number;
  col?: number;
}

/** A problem with its place in the file: what `hub validate` prints. */
export interface Issue {
  file: string;
  line: number;
  col: number;
  rule: string;
  severity: Severity;
  message: string;
}

export type PartialDateValue = string | number;

export interface SpeakerEntry {
  person?: string;
  name?: string;
  honorific?: string;
  position?: string;
  organization?: string;
  country?: string;
  role?: string;
}

export interface EventData {
  title: string;
  type: string;
  start: PartialDateValue;
  end?: PartialDateValue;
  status?: string;
  format?: string;
  location?: { venue?: string; city?: string; country?: string };
  part_of?: string;
  series?: string;
  theme?: string;
  organizers?: string[];
  partners?: string[];
  topics?: string[];
  attendance?: { participants?: number; countries?: number; approximate?: boolean };
  countries?: string[];
  speakers?: SpeakerEntry[];
  quotes?: Array<{ speaker: string; text: string }>;
  presentations?: Array<{
    title: string;
    speaker?: string;
    organization?: string;
    country?: string;
    url?: string;
    file?: string;
  }>;
  sources?: Array<{ url?: string; title?: string; published?: PartialDateValue }>;
  summary?: string;
  notes?: string;
}

export interface PersonData {
  name: string;
  honorific?: string;
  aliases?: string[];
  country?: string;
  organization?: string;
  position?: string;
  links?: string[];
  distinct_from?: string[];
}

export interface OrganizationData {
  name: string;
  acronym?: string;
  aliases?: string[];
  country?: string;
  kind?: string;
  links?: string[];
}

interface LoadedBase<K extends RecordKind, D> {
  kind: K;
  id: string;
  file: ArchiveFile;
  data: D;
}

export type LoadedEvent = LoadedBase<'event', EventData>;
export type LoadedPerson = LoadedBase<'person', PersonData>;
export type LoadedOrganization = LoadedBase<'organization', OrganizationData>;
export type LoadedRecord = LoadedEvent | LoadedPerson | LoadedOrganization;

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 120;

export function isValidId(id: string): boolean {
  return id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);
}

/*
 * Guards for parsed data that may have failed its schema: rules and checks read it anyway,
 * so that every problem is reported at once.
 */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
