/**
 * Who may do what to the board in a call, through `can`: the tutor's seat (and an admin present as an
 * observer) opens, closes, locks and unlocks it, and draws while it is locked; everyone else draws only
 * while it is unlocked.
 */
import type { AccountRole } from '@assent/shared';
import { auditDenied } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import { type CallResource, can, seatActor } from '../people/can';
import type { Person, Session } from '../sessions/session-repository';

export type BoardAction = 'call.open_board' | 'call.lock_board' | 'call.draw_on_locked_board';

/** The call as `can` needs it for this seat: an observer's account role decides whether they run the room. */
export async function boardCall(db: DbOrTrx, person: Person): Promise<CallResource> {
  if (person.role !== 'observer' || person.userId === null) return { kind: 'call' };
  const row = await db.selectFrom('users').select('role').where('id', '=', person.userId).executeTakeFirst();
  return { kind: 'call', seatAccountRole: row?.role as AccountRole | undefined };
}

export async function mayOnBoard(db: DbOrTrx, person: Person, action: BoardAction): Promise<boolean> {
  return can(seatActor(person), action, await boardCall(db, person));
}

/** Throws 403 (audited) unless the seat may open or lock the board. */
export async function authorizeBoardControl(
  deps: { db: DbOrTrx; now: () => Date },
  { session, person }: { session: Session; person: Person },
  action: 'call.open_board' | 'call.lock_board',
): Promise<void> {
  if (await mayOnBoard(deps.db, person, action)) return;
  await auditDenied(deps.db, {
    actor: seatActor(person),
    action,
    target: { type: 'session', id: session.id },
    detail: { personId: person.id },
    at: deps.now(),
  });
  throw new AppError(403, 'forbidden', 'Only the tutor can open, close or lock the whiteboard.');
}
