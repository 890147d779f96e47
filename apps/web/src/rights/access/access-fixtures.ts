/** Access requests and an answer as the server sends them, for the component tests. */
import type { AccessAnswer, AccessRequestDetail, AdminAccessRequest } from '@assent/shared';

export const answer: AccessAnswer = {
  compiledAt: '2026-03-05T10:00:00.000Z',
  subject: { kind: 'student', name: 'Sam Student', userId: null, studentId: 'stu_sam' },
  account: null,
  student: { id: 'stu_sam', name: 'Sam Student', minor: true, enrolledAt: '2026-01-10T09:00:00.000Z' },
  guardianships: [{ name: 'Pat Guardian', relation: 'guardian', since: '2026-01-10T09:00:00.000Z' }],
  agreements: [],
  sessions: [
    {
      sessionId: 'ses_1',
      title: 'Algebra, week 3',
      createdAt: '2026-03-01T15:00:00.000Z',
      seatName: 'Sam Student',
      role: 'student',
      joined: true,
      joinedAt: '2026-03-01T15:01:00.000Z',
      leftAt: '2026-03-01T15:50:00.000Z',
    },
    {
      sessionId: 'ses_2',
      title: 'Geometry',
      createdAt: '2026-03-02T15:00:00.000Z',
      seatName: 'Sam Student',
      role: 'student',
      joined: false,
      joinedAt: null,
      leftAt: null,
    },
  ],
  consents: {
    log: [
      {
        sessionId: 'ses_1',
        sessionTitle: 'Algebra, week 3',
        personName: 'Pat Guardian',
        role: 'guardian',
        kind: 'consent',
        purpose: 'quality_assurance',
        noticeVersion: 'policy-1',
        at: '2026-03-01T15:05:00.000Z',
        byGuardian: true,
      },
    ],
    inAdvance: [],
    research: [
      {
        sessionId: 'ses_1',
        sessionTitle: 'Algebra, week 3',
        seatName: 'Sam Student',
        decidedByName: 'Pat Guardian',
        decision: 'refuse',
        at: '2026-03-01T15:06:00.000Z',
      },
    ],
    doNotRecord: [],
  },
  recordings: [
    {
      id: 'rec_1',
      sessionId: 'ses_1',
      sessionTitle: 'Algebra, week 3',
      purpose: 'quality_assurance',
      purposeLabel: 'Quality assurance',
      status: 'stored',
      recordedAt: '2026-03-01T15:10:00.000Z',
      retainUntil: '2026-05-30T15:40:00.000Z',
      access: 'attended',
      whyNot: null,
      playableUntil: '2026-05-30T15:40:00.000Z',
    },
    {
      id: 'rec_2',
      sessionId: 'ses_1',
      sessionTitle: 'Algebra, week 3',
      purpose: 'safeguarding',
      purposeLabel: 'Safeguarding',
      status: 'destroyed',
      recordedAt: '2026-03-01T15:20:00.000Z',
      retainUntil: '2026-03-31T15:40:00.000Z',
      access: null,
      whyNot: 'not_stored',
      playableUntil: null,
    },
  ],
  views: [
    {
      recordingId: 'rec_1',
      sessionTitle: 'Algebra, week 3',
      viewedAt: '2026-03-02T09:00:00.000Z',
      viewerName: 'Rhea Reviewer',
      viewerRole: 'reviewer',
      access: 'purpose_viewer',
    },
  ],
  audit: [
    {
      seq: 41,
      at: '2026-03-02T09:00:00.000Z',
      actorName: 'Rhea Reviewer',
      actorRole: 'reviewer',
      action: 'recording.view',
      targetType: 'recording',
      targetId: 'rec_1',
      outcome: 'done',
    },
  ],
  deletionRecords: [
    {
      recordingId: 'rec_2',
      sessionTitle: 'Algebra, week 3',
      purpose: 'safeguarding',
      recordedAt: '2026-03-01T15:20:00.000Z',
      destroyedAt: '2026-03-03T12:00:00.000Z',
      reason: 'decision',
      detail: 'Pat Guardian asked for deletion',
    },
  ],
  deletionRequests: [
    {
      sessionTitle: 'Algebra, week 3',
      status: 'approved',
      createdAt: '2026-03-02T10:00:00.000Z',
      decidedAt: '2026-03-03T12:00:00.000Z',
    },
  ],
  concernReports: [],
};

export const answered: AccessRequestDetail = {
  id: 'areq_1',
  subjectKind: 'student',
  subjectName: 'Sam Student',
  status: 'answered',
  receivedAt: '2026-03-04T08:00:00.000Z',
  answeredAt: '2026-03-05T10:00:00.000Z',
  answer,
};

export const adminRequest = (patch: Partial<AdminAccessRequest>): AdminAccessRequest => ({
  id: 'areq_1',
  subjectKind: 'self',
  subjectName: 'Pat Guardian',
  status: 'received',
  receivedAt: '2026-03-01T08:00:00.000Z',
  answeredAt: null,
  requesterName: 'Pat Guardian',
  openDays: 4,
  answeredByName: null,
  ...patch,
});
