import type { CreateSessionRequest, Student } from '@assent/shared';
import type { FieldErrors } from '../ui/field-errors';

export interface GuestDraft {
  /** Stable React key; rows can be removed from the middle. */
  key: number;
  name: string;
}

export interface SessionDraft {
  title: string;
  /** The students ticked, by id. */
  studentIds: string[];
  guests: GuestDraft[];
}

export const MAX_GUESTS = 10;

/** Why the form has no guest list, when the organisation's policy does not allow guests. */
export const guestsNotAllowed =
  "Your organisation's policy does not allow guests without an account: sessions are for enrolled students and their guardians.";

let nextKey = 0;

export function newGuest(): GuestDraft {
  nextKey += 1;
  return { key: nextKey, name: '' };
}

export function initialSessionDraft(): SessionDraft {
  return { title: '', studentIds: [], guests: [] };
}

export function withStudent(draft: SessionDraft, studentId: string, picked: boolean): SessionDraft {
  const others = draft.studentIds.filter((id) => id !== studentId);
  return { ...draft, studentIds: picked ? [...others, studentId] : others };
}

/** Why a student cannot be picked yet, or null when they can. */
export function unavailableReason(student: Pick<Student, 'enrolled'>): string | null {
  return student.enrolled ? null : 'Waiting for a guardian to register and agree';
}

/**
 * The request, with students in the order they are listed. A tick on a student who is no longer listed
 * or no longer enrolled (the list was reloaded) is not sent; a blank guest row is, so the server's
 * "Name is required" shows beside it rather than the row vanishing. Guests typed before the policy was
 * known to forbid them (the list is then hidden) are not sent.
 */
export function toCreateSessionRequest(
  draft: SessionDraft,
  students: readonly Student[],
  guestsAllowed = true,
): CreateSessionRequest {
  return {
    title: draft.title,
    studentIds: students.filter((s) => s.enrolled && draft.studentIds.includes(s.id)).map((s) => s.id),
    guests: guestsAllowed ? draft.guests.map((g) => ({ name: g.name.trim() })) : [],
  };
}

/** Whether the form shows this error path beside a field (the rest are said at the top). */
export function isSessionFieldPath(path: string): boolean {
  return (
    path === 'title' ||
    path === 'studentIds' ||
    /^studentIds\.\d+$/.test(path) ||
    /^guests(\.\d+\.name)?$/.test(path)
  );
}

/** Everything said about the student picks: on the list as a whole or on one pick. */
export function studentErrors(errors: FieldErrors): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === 'studentIds' || path.startsWith('studentIds.'))
    .map(([, message]) => message);
}
