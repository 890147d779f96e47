/**
 * Who runs the room: the seat acting through its join link (the tutor, or an admin present as an
 * observer), checked by `can` and refused with an audit entry; and the seat they act on, which must be
 * someone else in the same session.
 */
import type { AccountRole } from '@assent/shared';
import { auditDenied } from '../audit/audit-log';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { type Action, can, seatActor } from '../people/can';
import type { ResolvedInvite } from '../sessions/resolve-invite';
import { listPeople, type Person } from '../sessions/session-repository';

export type RoomControlAction = Extract<
  Action,
  'call.mute_participant' | 'call.remove_participant' | 'call.readmit_participant' | 'call.end_session'
>;

export interface RoomControlDeps {
  db: Db;
  now: () => Date;
}

async function accountRoleOf(db: Db, userId: string | null): Promise<AccountRole | undefined> {
  if (userId === null) return undefined;
  const row = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
  return row?.role as AccountRole | undefined;
}

/** Throws 403 (audited) unless the acting seat may do this in its call. */
export async function authorizeRoomControl(
  deps: RoomControlDeps,
  { session, person }: ResolvedInvite,
  action: RoomControlAction,
): Promise<void> {
  const actor = seatActor(person);
  const seatAccountRole =
    person.role === 'observer' ? await accountRoleOf(deps.db, person.userId) : undefined;
  if (can(actor, action, { kind: 'call', seatAccountRole })) return;
  await auditDenied(deps.db, {
    actor,
    action,
    target: { type: 'session', id: session.id },
    detail: { personId: person.id },
    at: deps.now(),
  });
  throw new AppError(403, 'forbidden', 'Only the tutor can do this in the call.');
}

/** Another seat of the same session; 404 otherwise. Nobody acts on themselves or on the tutor's seat. */
export async function targetSeat(
  db: Db,
  { session, person }: ResolvedInvite,
  personId: string,
): Promise<Person> {
  const target = (await listPeople(db, session.id)).find((p) => p.id === personId);
  if (!target) throw new AppError(404, 'not_found', 'There is no such person in this session.');
  if (target.id === person.id || target.role === 'tutor') {
    throw new AppError(409, 'conflict', 'The tutor’s own seat cannot be muted or removed from here.');
  }
  return target;
}
