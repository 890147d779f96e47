/** Test answers shaped like the server's, checked against the shared schemas so they cannot drift. */
import { RecordingTranscript, SessionInsights, TutorTalkTrend } from '@assent/shared';

export const lines = { engagingPercent: 10, lowPercent: 25, highPercent: 50 };

export const sessionInsights: SessionInsights = SessionInsights.parse({
  sessionId: 'ses_1',
  title: 'Algebra with Sam and Lee',
  measured: true,
  live: false,
  axisStart: '2026-12-07T15:00:00.000Z',
  axisSeconds: 600,
  lines,
  tutorSeconds: 300,
  learnerSeconds: 100,
  learnerSharePercent: 25,
  band: 'middle',
  longestTutorMonologue: { from: 60, to: 185, seconds: 125 },
  speakers: [
    {
      key: 's1',
      name: 'Tina Tutor',
      role: 'tutor',
      learner: false,
      seconds: 300,
      sharePercent: 75,
      spans: [
        { from: 0, to: 40 },
        { from: 60, to: 185 },
        { from: 250, to: 385 },
      ],
    },
    {
      key: 's2',
      name: 'Sam Student',
      role: 'student',
      learner: true,
      seconds: 70,
      sharePercent: 17.5,
      spans: [
        { from: 40, to: 60 },
        { from: 200, to: 250 },
      ],
    },
    {
      key: 's3',
      name: 'Lee Learner',
      role: 'student',
      learner: true,
      seconds: 30,
      sharePercent: 7.5,
      spans: [{ from: 400, to: 430 }],
    },
  ],
  recordings: [{ from: 120, to: 480, recordingId: 'rec_1' }],
  consentEvents: [
    { at: 100, kind: 'requested', name: 'Tina Tutor' },
    { at: 110, kind: 'consented', name: 'Sam Student' },
    { at: 120, kind: 'recording_started', name: null },
    { at: 480, kind: 'withdrawn', name: 'Lee Learner' },
  ],
  words: { learnerWords: 120, totalWords: 600, learnerSharePercent: 20, fromTranscript: true },
  ownShareOnly: false,
  tutorUserId: 'usr_tina',
});

export const tutorTrend: TutorTalkTrend = TutorTalkTrend.parse({
  tutor: { userId: 'usr_tina', name: 'Tina Tutor' },
  lines,
  sessions: [
    {
      sessionId: 'ses_2',
      title: 'Geometry',
      startedAt: '2026-12-05T15:00:00.000Z',
      tutorSeconds: 500,
      learnerSeconds: 500,
      learnerSharePercent: 50,
      band: 'high',
    },
    {
      sessionId: 'ses_1',
      title: 'Algebra',
      startedAt: '2026-12-01T15:00:00.000Z',
      tutorSeconds: 900,
      learnerSeconds: 100,
      learnerSharePercent: 10,
      band: 'low',
    },
  ],
});

export const transcript: RecordingTranscript = RecordingTranscript.parse({
  recordingId: 'rec_1',
  status: 'ready',
  lines: [
    {
      start: 0,
      end: 3.2,
      text: 'Good afternoon, shall we start with fractions?',
      speaker: { name: 'Tina Tutor', role: 'tutor' },
    },
    {
      start: 3.5,
      end: 6,
      text: 'Yes, I found the homework hard.',
      speaker: { name: 'Sam Student', role: 'student' },
    },
    { start: 65, end: 70, text: 'Fractions are parts of a whole.', speaker: null },
  ],
});
