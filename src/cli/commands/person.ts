import { NotFoundError } from '../../core/errors.js';
import { findPerson } from '../../core/query/lookup.js';
import { getPerson } from '../../core/query/person.js';
import type { Context } from '../context.js';
import { withSyncedIndex } from '../synced-index.js';
import { renderPerson } from '../views.js';

export async function runPerson(ctx: Context, personRef: string): Promise<number> {
  await withSyncedIndex(ctx, async (db) => {
    const found = findPerson(db, personRef);
    const profile = getPerson(db, found.id);
    if (!profile) throw new NotFoundError(`no person \`${personRef}\``);
    await ctx.writeRecord(profile, {
      page: (width) => renderPerson(profile, ctx.out, width),
      csv: {
        rows: profile.appearances.map((a) => ({ person: profile.id, name: profile.name, ...a })),
        fields: ['person', 'name', 'event', 'title', 'start', 'role', 'honorific', 'position', 'organization', 'organization_id', 'country', 'written_as'],
      },
    });
  });
  return 0;
}
