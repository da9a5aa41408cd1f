import { findEvent } from '../../core/query/lookup.js';
import { eventDetailsObject, showEvent } from '../../core/query/show.js';
import type { Context } from '../context.js';
import { withSyncedIndex } from '../synced-index.js';
import { renderEvent } from '../views.js';

export async function runShow(ctx: Context, eventRef: string): Promise<number> {
  await withSyncedIndex(ctx, async (db) => {
    const details = showEvent(db, ctx.root(), findEvent(db, eventRef).id);
    const speakers = details.speakers.map((s, i) => {
      const entry = ((details.record.speakers as Array<Record<string, unknown>> | undefined) ?? [])[i] ?? {};
      return { event: details.id, person_id: s.person_id, name: s.name, honorific: entry.honorific, role: entry.role, position: entry.position, organization: entry.organization, country: entry.country };
    });
    await ctx.writeRecord(eventDetailsObject(details), {
      page: (width) => renderEvent(details, ctx.out, width),
      csv: { rows: speakers, fields: ['event', 'person_id', 'name', 'honorific', 'role', 'position', 'organization', 'country'] },
    });
  });
  return 0;
}
