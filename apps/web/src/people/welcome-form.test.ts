import type { InvitationPreview } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { initialWelcomeDraft, toAcceptRequest, welcomeHeading, welcomeIntro } from './welcome-form';

function preview(patch: Partial<InvitationPreview>): InvitationPreview {
  return {
    kind: 'family',
    role: 'guardian',
    email: 'pat@example.org',
    invitedBy: 'Ms Rivera',
    children: [],
    additionalGuardian: false,
    expiresAt: '2030-01-01T00:00:00.000Z',
    ...patch,
  };
}

describe('welcome form', () => {
  it('names the first administrator page apart from everyone else', () => {
    expect(welcomeHeading({ kind: 'first_run' })).toBe('Create the first administrator account');
    expect(welcomeHeading({ kind: 'staff' })).toBe('Create your account');
    expect(welcomeHeading({ kind: 'family' })).toBe('Create your account');
  });

  it('sends the email only when the invitation leaves it to the person', () => {
    const draft = { name: '  Pat Lee ', email: 'other@example.org', password: 'correct horse' };
    expect(toAcceptRequest(draft, { email: 'pat@example.org' })).toEqual({
      name: 'Pat Lee',
      password: 'correct horse',
    });
    expect(toAcceptRequest({ ...draft, email: ' admin@example.org ' }, { email: null })).toEqual({
      name: 'Pat Lee',
      email: 'admin@example.org',
      password: 'correct horse',
    });
  });

  it('starts with the invited email, and a student with their enrolled name', () => {
    expect(initialWelcomeDraft(preview({}))).toEqual({ name: '', email: 'pat@example.org', password: '' });
    const student = preview({
      kind: 'student',
      role: 'student',
      children: [{ id: 's1', name: 'Ana', minor: true }],
    });
    expect(initialWelcomeDraft(student).name).toBe('Ana');
    expect(initialWelcomeDraft(preview({ kind: 'first_run', email: null })).email).toBe('');
  });

  it('says who invited whom, and as what', () => {
    expect(welcomeIntro(preview({ kind: 'staff', role: 'admin' }))).toBe(
      'Ms Rivera invited you to join Assent as an administrator.',
    );
    expect(welcomeIntro(preview({ kind: 'staff', role: 'tutor', invitedBy: null }))).toBe(
      'You are invited to join Assent as a tutor.',
    );
    expect(welcomeIntro(preview({}))).toMatch(/^Ms Rivera invited you to enrol your family\. /);
    const sam = { id: 's1', name: 'Sam', minor: true };
    expect(welcomeIntro(preview({ additionalGuardian: true, children: [sam] }))).toBe(
      "Ms Rivera invited you as a parent or guardian of Sam. Next you will confirm you are 18 or over and read and agree to the organisation's online tutoring and recording policy.",
    );
    expect(
      welcomeIntro(preview({ kind: 'student', role: 'student', children: [sam], invitedBy: 'Pat' })),
    ).toBe('Pat invited you to have a sign-in of your own, to join your tutoring sessions.');
  });
});
