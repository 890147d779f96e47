/**
 * The recordings list asks the database only for recordings in the caller's `recordingScope`, then asks
 * `recordingAccess` about each. If the scope were ever narrower than the rule, a recording someone may
 * watch would silently vanish from their list; these runs look for one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CanActor, type RecordingResource, recordingAccess, recordingScope } from './can';

const users = ['u1', 'u2', 'u3'] as const;
const actor = fc.record({
  userId: fc.constantFrom(...users),
  role: fc.constantFrom('admin', 'reviewer', 'tutor', 'guardian', 'student'),
}) as fc.Arbitrary<CanActor>;
const someUsers = fc.subarray([...users]);
const recording: fc.Arbitrary<RecordingResource> = fc.record({
  kind: fc.constant('recording' as const),
  ownerUserId: fc.option(fc.constantFrom(...users), { nil: null }),
  attendedUserIds: someUsers,
  viewerRoles: fc.subarray(['admin', 'reviewer', 'tutor'] as const),
  participantWindowOpen: fc.boolean(),
  underInvestigation: fc.boolean(),
  attendeeGuardianUserIds: someUsers,
});

/** Whether the list's query would include this recording (a seat is at least an attendance). */
function inScope(who: CanActor, resource: RecordingResource): boolean {
  switch (recordingScope(who)) {
    case 'every_session':
      return true;
    case 'owned_sessions':
      return resource.ownerUserId === who.userId;
    case 'seated_sessions':
      return resource.attendedUserIds.includes(who.userId);
  }
}

describe('recordingScope', () => {
  it('never leaves out a recording recordingAccess would show', () => {
    fc.assert(
      fc.property(actor, recording, (who, resource) => {
        if (recordingAccess(who, resource) !== undefined) expect(inScope(who, resource)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('narrows tutors to their own sessions and families to the sessions they sat in', () => {
    expect(recordingScope({ userId: 'u1', role: 'admin' } as CanActor)).toBe('every_session');
    expect(recordingScope({ userId: 'u1', role: 'tutor' } as CanActor)).toBe('owned_sessions');
    expect(recordingScope({ userId: 'u1', role: 'guardian' } as CanActor)).toBe('seated_sessions');
  });
});
