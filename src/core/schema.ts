import { validateEvent, validateOrganization, validatePerson } from '../generated/validators.js';
import type { PathIssue, RecordKind } from './records.js';
import type { CompiledValidator } from './schema-types.js';
import { translateSchemaErrors } from './schema-messages.js';

const VALIDATORS: Record<RecordKind, CompiledValidator> = {
  event: validateEvent,
  person: validatePerson,
  organization: validateOrganization,
};

const RECORD_LABELS: Record<RecordKind, string> = { event: 'an event', person: 'a person', organization: 'an organisation' };

const EXPECTED_KEYS: Record<RecordKind, string> = {
  event: 'an event needs `title`, `type` and `start`',
  person: 'a person needs `name`',
  organization: 'an organisation needs `name`',
};

/** Checks parsed data against its kind's JSON Schema; problems come back with their paths. */
export function checkSchema(kind: RecordKind, file: string, data: unknown): PathIssue[] {
  if (data === null || data === undefined) {
    return [{ file, path: [], rule: 'schema', severity: 'error', message: `the record is empty: ${EXPECTED_KEYS[kind]}`, line: 1, col: 1 }];
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return [{ file, path: [], rule: 'schema', severity: 'error', message: `a record is a mapping of keys, not ${Array.isArray(data) ? 'a list' : 'a single value'}: ${EXPECTED_KEYS[kind]}` }];
  }
  const validate = VALIDATORS[kind];
  if (validate(data)) return [];
  return translateSchemaErrors(file, validate.errors ?? [], RECORD_LABELS[kind]);
}
