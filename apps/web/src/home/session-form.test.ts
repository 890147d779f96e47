import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, initialDraft, toRequest } from './session-form';

describe('session form', () => {
  it('starts with a student and a guardian', () => {
    expect(initialDraft().invitees.map((p) => p.role)).toEqual(['student', 'guardian']);
  });

  it('never sends a guardian as a minor', () => {
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
});
