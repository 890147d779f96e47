/** Recordings, playback grants and deletion records for tests, each changed by `patch`. */
import type { DeletionRecord, PlaybackGrant, RecordingDetail, RecordingSummary } from '@assent/shared';

export function recordingSummary(patch: Partial<RecordingSummary> = {}): RecordingSummary {
  return {
    id: 'rec_1',
    sessionId: 'ses_1',
    sessionTitle: 'Algebra with Sam',
    purpose: 'quality_assurance',
    purposeLabel: 'Quality assurance',
    startedAt: '2026-03-02T15:00:00.000Z',
    endedAt: '2026-03-02T15:45:00.000Z',
    durationSeconds: 2700,
    sizeBytes: 12_000_000,
    retainUntil: '2026-05-31T15:45:00.000Z',
    playableUntil: null,
    access: 'purpose_viewer',
    onHold: false,
    ...patch,
  };
}

export function recordingDetail(patch: Partial<RecordingDetail> = {}): RecordingDetail {
  return {
    ...recordingSummary(),
    consents: [
      {
        personName: 'Tess Tutor',
        role: 'tutor',
        kind: 'request',
        at: '2026-03-02T14:58:00.000Z',
        purpose: 'quality_assurance',
        noticeVersion: 'v3',
        forName: null,
        inAdvance: false,
      },
      {
        personName: 'Gail Guardian',
        role: 'guardian',
        kind: 'consent',
        at: '2026-03-02T14:59:00.000Z',
        purpose: 'quality_assurance',
        noticeVersion: 'v3',
        forName: 'Sam',
        inAdvance: true,
      },
    ],
    ...patch,
  };
}

export function playbackGrant(patch: Partial<PlaybackGrant> = {}): PlaybackGrant {
  return {
    viewId: 'view_1',
    mediaUrl: '/api/recordings/rec_1/media?view=view_1',
    contentType: 'video/mp4',
    viewerName: 'Ada Lovelace',
    viewedAt: '2026-03-05T09:30:00.000Z',
    expiresAt: '2026-03-05T13:30:00.000Z',
    ...patch,
  };
}

export function deletionRecord(patch: Partial<DeletionRecord> = {}): DeletionRecord {
  return {
    id: 'del_1',
    recordingId: 'rec_9',
    sessionId: 'ses_9',
    sessionTitle: 'Physics with Lee',
    purpose: 'safeguarding',
    recordedAt: '2026-01-02T10:00:00.000Z',
    destroyedAt: '2026-02-01T10:00:00.000Z',
    reason: 'retention',
    detail: 'Retention of 30 days for Safeguarding ended',
    decidedByName: null,
    ...patch,
  };
}
