import type { Student } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from '../ui/field-errors';
import {
  initialSessionDraft,
  isSessionFieldPath,
  newGuest,
  studentErrors,
  toCreateSessionRequest,
  unavailableReason,
  withStudent,
} from './session-form';

function student(id: string, name: string, enrolled = true): Student {
  return { id, name, minor: true, guardians: [], enrolled, hasSignIn: false, doNotRecord: false };
}

const ana = student('s-ana', 'Ana');
const ben = student('s-ben', 'Ben');
const cleo = student('s-cleo', 'Cleo', false);

describe('create session form', () => {
  it('starts empty', () => {
    expect(initialSessionDraft()).toEqual({ title: '', studentIds: [], guests: [] });
  });

  it('ticks and unticks students, sending them in list order', () => {
    let draft = { ...initialSessionDraft(), title: 'Algebra' };
    draft = withStudent(draft, ben.id, true);
    draft = withStudent(draft, ana.id, true);
    draft = withStudent(draft, ana.id, true);
    expect(draft.studentIds).toEqual([ben.id, ana.id]);
    expect(toCreateSessionRequest(draft, [ana, ben, cleo])).toEqual({
      title: 'Algebra',
      studentIds: [ana.id, ben.id],
      guests: [],
    });
    expect(withStudent(draft, ben.id, false).studentIds).toEqual([ana.id]);
  });

  it('drops ticks on students no longer listed or no longer enrolled', () => {
    const draft = { title: 'x', studentIds: ['s-gone', cleo.id, ana.id], guests: [] };
    expect(toCreateSessionRequest(draft, [ana, cleo]).studentIds).toEqual([ana.id]);
  });

  it('sends guests trimmed, blank ones too so the server can point at them', () => {
    const guests = [
      { ...newGuest(), name: ' Dr Okafor ' },
      { ...newGuest(), name: '   ' },
    ];
    expect(toCreateSessionRequest({ title: 'x', studentIds: [], guests }, []).guests).toEqual([
      { name: 'Dr Okafor' },
      { name: '' },
    ]);
    expect(guests[0]?.key).not.toBe(guests[1]?.key);
  });

  it('sends no guests when the policy does not allow them, even ones typed before it was known', () => {
    const guests = [{ ...newGuest(), name: 'Dr Okafor' }];
    const draft = { title: 'x', studentIds: [ana.id], guests };
    expect(toCreateSessionRequest(draft, [ana], false)).toEqual({
      title: 'x',
      studentIds: [ana.id],
      guests: [],
    });
    expect(toCreateSessionRequest(draft, [ana], true).guests).toEqual([{ name: 'Dr Okafor' }]);
  });

  it('explains why a student cannot be picked', () => {
    expect(unavailableReason(ana)).toBeNull();
    expect(unavailableReason(cleo)).toBe('Waiting for a guardian to register and agree');
  });

  it('places the server’s issues beside their fields', () => {
    const errors = fieldErrorsFrom([
      { path: 'studentIds', message: 'Pick at least one student or add a guest' },
      { path: 'studentIds.1', message: 'There is no such student' },
      { path: 'guests.0.name', message: 'Name is required' },
      { path: 'tutor', message: 'elsewhere' },
    ]);
    expect(studentErrors(errors)).toEqual([
      'Pick at least one student or add a guest',
      'There is no such student',
    ]);
    expect(Object.keys(errors).filter(isSessionFieldPath)).toEqual([
      'studentIds',
      'studentIds.1',
      'guests.0.name',
    ]);
  });
});
