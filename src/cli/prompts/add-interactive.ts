import path from 'node:path';
import { renderRecord, schemaModeline } from '../../core/canonical.js';
import { planRecord, type Plan } from '../../core/new-records.js';
import { loadRecordingChoices, matchChoices, type RecordingChoices } from '../../core/query/choices.js';
import type { RecordKind } from '../../core/records.js';
import { ORG_KINDS } from '../../core/vocabulary.js';
import { archiveForChecks, finishAdd, type AddOptions } from '../commands/add.js';
import type { Context } from '../context.js';
import { writeIssues } from '../issue-report.js';
import { withSyncedIndex } from '../synced-index.js';
import { Asker, isPromptExit } from './ask.js';
import { askEvent, registrationKey, type Registrations } from './event-questions.js';

/** Exit code for a session ended with Ctrl-C, as shells report a process ended by SIGINT. */
const INTERRUPTED = 130;

/**
 * The terminal session of `hub add-event` (and add-person, add-org): questions, then the
 * YAML that would be written, then write / edit again / cancel. Nothing is written before
 * "write", and Ctrl-C at any question ends it with nothing written.
 */
export async function runInteractiveAdd(ctx: Context, kind: RecordKind, options: AddOptions): Promise<number> {
  const root = ctx.root();
  const choices = await withSyncedIndex(ctx, (db) => loadRecordingChoices(db));
  const ask = new Asker(ctx);
  const registrations: Registrations = new Set();
  let data: Record<string, unknown> = {};
  try {
    for (;;) {
      data = kind === 'event' ? await askEvent(ask, choices, data, registrations) : await askRegistryRecord(ask, choices, kind, data);
      const plan = await planRecord(root, { kind, data, ...(options.id === undefined ? {} : { id: options.id }) }, { register: (k, name) => registrations.has(registrationKey(k, name)) }, await archiveForChecks(ctx));
      showPlan(ctx, root, plan);
      const errors = plan.issues.filter((i) => i.severity === 'error').length;
      if (errors > 0) await writeIssues(ctx, plan.issues, 'messages');
      const next = await ask.choose<'write' | 'edit' | 'cancel'>(
        errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'} to fix before it can be written:` : options.dryRun ? 'Dry run: nothing will be written. Finish?' : 'Write it?',
        [...(errors > 0 ? [] : [{ name: options.dryRun ? 'finish (dry run)' : 'write', value: 'write' as const }]), { name: 'edit again', value: 'edit' as const }, { name: 'cancel', value: 'cancel' as const }],
      );
      if (next === 'cancel') {
        ctx.info('cancelled: nothing written');
        return 1;
      }
      if (next === 'write') return await finishAdd(ctx, plan, options);
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    ctx.info('\ncancelled: nothing written');
    return INTERRUPTED;
  }
}

function showPlan(ctx: Context, root: string, plan: Plan): void {
  if (plan.records.length === 0) return;
  const text = plan.records
    .map((r) => `${ctx.err.dim(`# ${r.path}`)}\n${renderRecord(r.kind, r.data, schemaModeline(root, r.kind, path.join(root, r.path)))}`)
    .join('\n');
  ctx.io.stderr.write(`\n${text}\n`);
  for (const note of plan.notes) ctx.info(note);
}

/** A person or an organisation, with the previous round's answers as defaults. */
async function askRegistryRecord(ask: Asker, choices: RecordingChoices, kind: RecordKind, previous: Record<string, unknown>): Promise<Record<string, unknown>> {
  const record: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) record[key] = value;
  };
  const text = (key: string) => (typeof previous[key] === 'string' ? (previous[key] as string) : undefined);
  const list = (key: string) => (Array.isArray(previous[key]) ? (previous[key] as string[]).join('; ') : undefined);
  const split = (value: string | undefined) => (value ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  put('name', await ask.text('Full name', { default: text('name'), required: true }));
  if (kind === 'person') {
    put('honorific', await ask.text('Honorific (Mr., Ms., Dr., Prof., H.E.; empty to skip)', { default: text('honorific') }));
    put('aliases', split(await ask.text('Other spellings met in sources, separated by ";" (empty if none)', { default: list('aliases') })));
    put('country', await ask.country('Country they represent (none for international bodies)', text('country')));
    put('organization', await ask.find<string | undefined>('Organisation (type to search)', (term) => [
      ...matchChoices(term, choices.organizations.filter((o) => o.registered), (o) => [...o.names, o.id]).map((o) => ({ name: o.name, value: o.id as string | undefined, description: o.id })),
      { name: '(none)', value: undefined },
    ]));
    put('position', await ask.text('Current position (empty to skip)', { default: text('position') }));
  } else {
    put('acronym', await ask.text('Acronym (empty if none)', { default: text('acronym') }));
    put('aliases', split(await ask.text('Other names met in sources, separated by ";" (empty if none)', { default: list('aliases') })));
    put('country', await ask.country('Country (none for international bodies)', text('country')));
    put('kind', await ask.choose<string | undefined>('Kind', [...ORG_KINDS.map((k) => ({ name: k, value: k as string | undefined })), { name: '(not said)', value: undefined }], text('kind')));
  }
  put('links', split(await ask.text('Web pages, separated by ";" (empty if none)', { default: list('links') })));
  return record;
}
