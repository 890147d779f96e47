/**
 * Replacing a seat's join link: the seat's link version, carried in every link as `v` and compared on
 * every use (sessions/resolve-invite.ts), so raising it makes every earlier link for the seat stop working.
 */
import type { DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';

/** The current link version of each seat (0 for a seat whose link was never replaced). */
export async function seatLinkVersions(
  db: DbOrTrx,
  personIds: readonly string[],
): Promise<Map<string, number>> {
  const versions = new Map<string, number>(personIds.map((id) => [id, 0]));
  if (personIds.length === 0) return versions;
  const rows = await db
    .selectFrom('seat_link_versions')
    .select(['person_id', 'version'])
    .where('person_id', 'in', personIds)
    .execute();
  for (const row of rows) versions.set(row.person_id, Number(row.version));
  return versions;
}

/** Raises the seat's link version by one and returns the new one (call inside the caller's transaction). */
export async function raiseSeatLinkVersion(
  trx: DbOrTrx,
  personId: string,
  by: string,
  at: Date,
): Promise<number> {
  const current = (await seatLinkVersions(trx, [personId])).get(personId) ?? 0;
  const version = current + 1;
  const values = { version, replaced_at: at.toISOString(), replaced_by_user_id: by };
  if (current === 0) {
    await trx
      .insertInto('seat_link_versions')
      .values({ person_id: personId, ...values })
      .execute();
  } else {
    const updated = await trx
      .updateTable('seat_link_versions')
      .set(values)
      .where('person_id', '=', personId)
      .where('version', '=', current)
      .executeTakeFirst();
    // Two replacements at once: one wins, the other is told to try again (never the same version twice).
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(409, 'conflict', 'The link was replaced at the same moment. Try again.');
    }
  }
  return version;
}

/** Refuses a link made before the seat's link was replaced. */
export function refuseReplacedLink(linkVersion: number | undefined, seatVersion: number): void {
  if ((linkVersion ?? 0) !== seatVersion) {
    throw new AppError(
      410,
      'link_replaced',
      'This link was replaced by a newer one. Use the newest link you were sent, or ask for it again.',
    );
  }
}
