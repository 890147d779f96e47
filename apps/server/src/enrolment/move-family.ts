/**
 * Moving a family to another tutor (admins): every child of the guardian is given the new tutor
 * (`student_tutors`, which from then on alone says who teaches them: people/family-repository.ts
 * `taughtBy`). Sessions already made keep their owner: the earlier tutor still owns, runs and may watch
 * what they taught; new sessions are the new tutor's to make.
 */
import type { FamilyList, FamilyMoved } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';

/** Every guardian with children, each child with the tutor who teaches them now; and the tutors to pick. */
export async function listFamilies(db: Db): Promise<FamilyList> {
  const rows = await db
    .selectFrom('guardianships')
    .innerJoin('users as guardian', 'guardian.id', 'guardianships.guardian_user_id')
    .innerJoin('students', 'students.id', 'guardianships.student_id')
    .leftJoin('student_tutors', 'student_tutors.student_id', 'students.id')
    .leftJoin('invitations as named_in', 'named_in.id', 'students.invitation_id')
    .select([
      'guardian.id as guardian_id',
      'guardian.name as guardian_name',
      'guardian.email as guardian_email',
      'students.id as student_id',
      'students.name as student_name',
      'student_tutors.tutor_user_id as assigned_tutor',
      'named_in.invited_by_user_id as enrolled_by',
    ])
    .where('guardian.role', '=', 'guardian')
    .orderBy('guardian.name')
    .orderBy('students.name')
    .execute();
  // A child not named in an enrolment is taught by whoever enrolled their guardian's family.
  const familyInviters = new Map(
    (
      await db
        .selectFrom('invitations')
        .select(['used_by_user_id', 'invited_by_user_id'])
        .where('kind', '=', 'family')
        .where('used_by_user_id', 'is not', null)
        .execute()
    ).map((r) => [r.used_by_user_id as string, r.invited_by_user_id]),
  );
  const tutorRows = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'disabled_at'])
    .where('role', 'in', ['tutor', 'admin'])
    .orderBy('name')
    .execute();
  const tutorName = new Map(tutorRows.filter((t) => t.role === 'tutor').map((t) => [t.id, t.name]));
  const families = new Map<string, FamilyList['families'][number]>();
  for (const row of rows) {
    let family = families.get(row.guardian_id);
    if (!family) {
      family = {
        guardianUserId: row.guardian_id,
        guardianName: row.guardian_name,
        guardianEmail: row.guardian_email,
        children: [],
      };
      families.set(row.guardian_id, family);
    }
    const tutor = row.assigned_tutor ?? row.enrolled_by ?? familyInviters.get(row.guardian_id) ?? null;
    const name = tutor ? (tutorName.get(tutor) ?? null) : null;
    family.children.push({
      studentId: row.student_id,
      name: row.student_name,
      tutorUserId: name ? tutor : null,
      tutorName: name,
    });
  }
  return {
    families: [...families.values()],
    tutors: tutorRows
      .filter((t) => t.role === 'tutor' && t.disabled_at === null)
      .map((t) => ({ userId: t.id, name: t.name })),
  };
}

/** Gives every child of the guardian to `tutorUserId`, audited; the sessions are not touched. */
export async function moveFamily(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  guardianUserId: string,
  tutorUserId: string,
): Promise<FamilyMoved> {
  const at = deps.now();
  const when = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const guardian = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', guardianUserId)
      .where('role', '=', 'guardian')
      .executeTakeFirst();
    if (!guardian) throw new AppError(404, 'not_found', 'There is no such family.');
    const tutor = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', tutorUserId)
      .where('role', '=', 'tutor')
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!tutor) {
      throw new AppError(400, 'validation_failed', 'The request is not valid', [
        { path: 'tutorUserId', message: 'There is no such tutor' },
      ]);
    }
    const children = (
      await trx
        .selectFrom('guardianships')
        .select('student_id')
        .where('guardian_user_id', '=', guardianUserId)
        .execute()
    ).map((r) => r.student_id);
    if (children.length === 0) throw new AppError(404, 'not_found', 'This family has no children enrolled.');
    const before = await trx
      .selectFrom('student_tutors')
      .select(['student_id', 'tutor_user_id'])
      .where('student_id', 'in', children)
      .execute();
    const assigned = new Set(before.map((r) => r.student_id));
    const values = { tutor_user_id: tutorUserId, assigned_at: when, assigned_by_user_id: actor.userId };
    await trx.updateTable('student_tutors').set(values).where('student_id', 'in', children).execute();
    const fresh = children.filter((id) => !assigned.has(id));
    if (fresh.length > 0) {
      await trx
        .insertInto('student_tutors')
        .values(fresh.map((id) => ({ student_id: id, ...values })))
        .execute();
    }
    await appendAudit(trx, {
      actor,
      action: 'family.move',
      target: { type: 'user', id: guardianUserId },
      detail: {
        tutorUserId,
        studentIds: children,
        earlierAssignedTutorUserIds: [...new Set(before.map((r) => r.tutor_user_id))],
      },
      at,
    });
    return { movedStudentIds: children, tutorUserId };
  });
}
