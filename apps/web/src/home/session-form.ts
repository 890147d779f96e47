import type { CreateSessionRequest, InviteeInput } from '@assent/shared';
import type { FieldIssue } from '../api/client';

export interface InviteeDraft {
  /** Stable React key; rows can be removed from the middle. */
  key: number;
  name: string;
  role: InviteeInput['role'];
  minor: boolean;
  /**
   * Guardians: the keys of the student rows this guardian is guardian of. Keys, not names, so renaming
   * a student keeps the link; rows that are gone or no longer students are dropped when sending.
   */
  guardianOf: number[];
}

export interface SessionDraft {
  title: string;
  tutorName: string;
  invitees: InviteeDraft[];
}

let nextKey = 0;

export function newInvitee(role: InviteeInput['role'] = 'student'): InviteeDraft {
  nextKey += 1;
  return { key: nextKey, name: '', role, minor: false, guardianOf: [] };
}

export function initialDraft(): SessionDraft {
  return { title: '', tutorName: '', invitees: [newInvitee('student'), newInvitee('guardian')] };
}

/** The student rows a guardian row can be linked to: those with a name so far. */
export function namedStudents(invitees: readonly InviteeDraft[]): InviteeDraft[] {
  return invitees.filter((p) => p.role === 'student' && p.name.trim() !== '');
}

/** Adds or removes one student from a guardian's links. */
export function withGuardianOf(guardian: InviteeDraft, studentKey: number, linked: boolean): number[] {
  const others = guardian.guardianOf.filter((key) => key !== studentKey);
  return linked ? [...others, studentKey] : others;
}

export function toRequest(draft: SessionDraft): CreateSessionRequest {
  const students = namedStudents(draft.invitees);
  return {
    title: draft.title,
    tutorName: draft.tutorName,
    participants: draft.invitees.map(({ name, role, minor, guardianOf }) => {
      // Only a student can be a minor; a stale tick from before a role change must not be sent.
      const invitee = { name, role, minor: role === 'student' && minor };
      if (role !== 'guardian') return invitee;
      // Names in the order the students are listed; none linked means guardian of every student.
      const linked = students.filter((s) => guardianOf.includes(s.key)).map((s) => s.name.trim());
      return linked.length > 0 ? { ...invitee, guardianOf: linked } : invitee;
    }),
  };
}

/** Field errors keyed by the request path, normalised to dots: `participants.0.name`. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFrom(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '') || 'form';
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Every error about the guardian links of row `index`: on the list itself or on one of its names. */
export function guardianErrorsOf(errors: FieldErrors, index: number): string[] {
  const prefix = `participants.${index}.guardianOf`;
  return Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}
