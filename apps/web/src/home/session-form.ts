import type { CreateSessionRequest, InviteeInput } from '@assent/shared';
import type { FieldIssue } from '../api/client';

export interface InviteeDraft {
  /** Stable React key; rows can be removed from the middle. */
  key: number;
  name: string;
  role: InviteeInput['role'];
  minor: boolean;
}

export interface SessionDraft {
  title: string;
  tutorName: string;
  invitees: InviteeDraft[];
}

let nextKey = 0;

export function newInvitee(role: InviteeInput['role'] = 'student'): InviteeDraft {
  nextKey += 1;
  return { key: nextKey, name: '', role, minor: false };
}

export function initialDraft(): SessionDraft {
  return { title: '', tutorName: '', invitees: [newInvitee('student'), newInvitee('guardian')] };
}

export function toRequest(draft: SessionDraft): CreateSessionRequest {
  return {
    title: draft.title,
    tutorName: draft.tutorName,
    participants: draft.invitees.map(({ name, role, minor }) => ({
      name,
      role,
      // Only a student can be a minor; a stale tick from before a role change must not be sent.
      minor: role === 'student' && minor,
    })),
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
