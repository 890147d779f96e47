import { describe, expect, it } from 'vitest';
import {
  fieldErrorsFrom,
  guardianErrorsOf,
  type InviteeDraft,
  initialDraft,
  namedStudents,
  newInvitee,
  type SessionDraft,
  toRequest,
  withGuardianOf,
} from './session-form';

function person(role: InviteeDraft['role'], name: string, patch: Partial<InviteeDraft> = {}): InviteeDraft {
  return { ...newInvitee(role), name, ...patch };
}

function draftOf(invitees: InviteeDraft[]): SessionDraft {
  return { title: 'Algebra', tutorName: 'Ms Rivera', invitees };
}

describe('session form', () => {
  it('starts with a student and a guardian, the guardian linked to nobody', () => {
    const draft = initialDraft();
    expect(draft.invitees.map((p) => p.role)).toEqual(['student', 'guardian']);
    expect(draft.invitees.map((p) => p.guardianOf)).toEqual([[], []]);
  });

  it('never sends a guardian as a minor, nor an unlinked guardian with links', () => {
    const draft = initialDraft();
    draft.title = 'Algebra';
    draft.tutorName = 'Ms Rivera';
    draft.invitees = draft.invitees.map((p) => ({ ...p, name: p.role, minor: true }));
    expect(toRequest(draft)).toEqual({
      title: 'Algebra',
      tutorName: 'Ms Rivera',
      participants: [
        { name: 'student', role: 'student', minor: true },
        { name: 'guardian', role: 'guardian', minor: false },
      ],
    });
  });

  it("sends a guardian's links as the students' current names, in the order the students are listed", () => {
    const ana = person('student', 'Ana', { minor: true });
    const ben = person('student', 'Ben');
    const gail = person('guardian', 'Gail', { guardianOf: [ben.key, ana.key] });
    ana.name = ' Ana Lopez ';
    expect(toRequest(draftOf([ana, ben, gail])).participants).toEqual([
      { name: ' Ana Lopez ', role: 'student', minor: true },
      { name: 'Ben', role: 'student', minor: false },
      { name: 'Gail', role: 'guardian', minor: false, guardianOf: ['Ana Lopez', 'Ben'] },
    ]);
  });

  it('drops links to rows that were removed, emptied or made guardians, and links kept by a row now a student', () => {
    const ana = person('student', 'Ana');
    const ben = person('student', '  ');
    const cleo = person('guardian', 'Cleo');
    const gone = person('student', 'Gone');
    const gail = person('guardian', 'Gail', { guardianOf: [ben.key, cleo.key, gone.key] });
    const hugo = person('student', 'Hugo', { guardianOf: [ana.key] });
    expect(toRequest(draftOf([ana, ben, cleo, gail, hugo])).participants.map((p) => p.guardianOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('lists named students to link to, and ticks and unticks them', () => {
    const ana = person('student', 'Ana');
    const blank = person('student', '');
    const gail = person('guardian', 'Gail');
    expect(namedStudents([ana, blank, gail])).toEqual([ana]);
    const linked = withGuardianOf(gail, ana.key, true);
    expect(linked).toEqual([ana.key]);
    expect(withGuardianOf({ ...gail, guardianOf: linked }, ana.key, true)).toEqual([ana.key]);
    expect(withGuardianOf({ ...gail, guardianOf: linked }, ana.key, false)).toEqual([]);
  });

  it('keys field errors by dotted path, first message wins', () => {
    expect(
      fieldErrorsFrom([
        { path: 'participants[0].name', message: 'Name is required' },
        { path: 'participants.0.name', message: 'second' },
        { path: 'title', message: 'Title is required' },
        { path: '', message: 'Whole form' },
      ]),
    ).toEqual({ 'participants.0.name': 'Name is required', title: 'Title is required', form: 'Whole form' });
  });

  it("collects a row's guardian link errors, and only that row's", () => {
    const errors = fieldErrorsFrom([
      { path: 'participants.2.guardianOf.0', message: 'No student called “Bob” is invited' },
      { path: 'participants.2.guardianOf', message: 'Only a guardian can be guardian of a student' },
      { path: 'participants.12.guardianOf.0', message: 'other row' },
      { path: 'participants.2.name', message: 'Name is required' },
    ]);
    expect(guardianErrorsOf(errors, 2)).toEqual([
      'No student called “Bob” is invited',
      'Only a guardian can be guardian of a student',
    ]);
    expect(guardianErrorsOf(errors, 1)).toEqual([]);
  });
});
