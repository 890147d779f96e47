/** A published recording state for tests: an open safeguarding request, changed by `patch`. */
import type { LiveRecordingState } from '@assent/shared';

export function liveRecordingState(patch: Partial<LiveRecordingState> = {}): LiveRecordingState {
  return {
    version: 1,
    status: 'waiting',
    banner: 'Waiting for consent (0 of 2) — Not recording',
    request: {
      requestId: 'r1',
      open: true,
      purpose: 'safeguarding',
      purposeLabel: 'Safeguarding',
      viewers: 'Safeguarding staff',
      retentionDays: 30,
      noticeVersion: 'v1',
      noticeText: 'Notice',
      withdrawalRule: 'keep',
    },
    consented: 0,
    required: 2,
    updatedAt: '2026-01-01T10:00:00Z',
    askAgainAt: null,
    ...patch,
  };
}
