import { z } from 'zod';

/**
 * Session insights: talk time (how long each person spoke, measured by the server from sound levels,
 * never audio) and transcripts of stored recordings. Times on a session's axis are seconds from
 * `axisStart`, so the chart, the table and the timeline share one clock.
 */

/** One stretch of speaking, in seconds from the axis start. */
export const TalkSpan = z.object({ from: z.number().nonnegative(), to: z.number().nonnegative() });
export type TalkSpan = z.infer<typeof TalkSpan>;

/** Where learners' share of talk stands against the policy's lines (Talk Meter's bands). */
export const TalkBand = z.enum(['low', 'middle', 'high']);
export type TalkBand = z.infer<typeof TalkBand>;

/** The policy's lines, in percent of talk time that is learners'. */
export const TalkLines = z.object({
  /** Schoolhouse's "highly engaging" line. */
  engagingPercent: z.number(),
  /** Below this: low (red). */
  lowPercent: z.number(),
  /** At or above this: high (green). */
  highPercent: z.number(),
});
export type TalkLines = z.infer<typeof TalkLines>;

/** One seat's talk in a session. Learners are the session's students. */
export const TalkSpeaker = z.object({
  /** Opaque per seat; stable within the session. */
  key: z.string(),
  name: z.string(),
  role: z.enum(['tutor', 'student', 'guardian']),
  learner: z.boolean(),
  seconds: z.number().nonnegative(),
  /** This seat's share of all talk, in percent; null when nobody spoke. */
  sharePercent: z.number().nullable(),
  spans: z.array(TalkSpan),
});
export type TalkSpeaker = z.infer<typeof TalkSpeaker>;

/** Words, Schoolhouse's measure: learners' words spoken (transcript) or typed (chat) over all words. */
export const WordShare = z.object({
  learnerWords: z.number().int().nonnegative(),
  totalWords: z.number().int().nonnegative(),
  learnerSharePercent: z.number().nullable(),
  /** Whether spoken words (a transcript) are counted, or only the chat. */
  fromTranscript: z.boolean(),
});
export type WordShare = z.infer<typeof WordShare>;

/** `GET /api/sessions/:sessionId/insights`: one session's talk time, for those the policy lets see it. */
export const SessionInsights = z.object({
  sessionId: z.string(),
  title: z.string(),
  /** Whether talk time was measured in this session at all (policy on, the observer attached). */
  measured: z.boolean(),
  /** Whether the call is still going (numbers still growing). */
  live: z.boolean(),
  /** ISO time the axis starts (the first measurement or the call's start); null when never measured. */
  axisStart: z.string().nullable(),
  /** Seconds the axis covers. */
  axisSeconds: z.number().nonnegative(),
  lines: TalkLines,
  tutorSeconds: z.number().nonnegative(),
  learnerSeconds: z.number().nonnegative(),
  /** learner / (tutor + learner) talk, in percent; null when neither spoke. */
  learnerSharePercent: z.number().nullable(),
  band: TalkBand.nullable(),
  /** The tutor's longest unbroken stretch of talk (gaps under two seconds bridged). */
  longestTutorMonologue: TalkSpan.extend({ seconds: z.number().nonnegative() }).nullable(),
  /** Every seat that spoke (or was present); a learner allowed only their own share sees only their own. */
  speakers: z.array(TalkSpeaker),
  /** Stored or running recording segments on the same axis. */
  recordings: z.array(TalkSpan.extend({ recordingId: z.string().nullable() })),
  /** Consent events on the same axis (requested, consented, declined, withdrawn, recording started/stopped). */
  consentEvents: z.array(z.object({ at: z.number(), kind: z.string(), name: z.string().nullable() })),
  /** Null when there is neither a transcript nor chat to count. */
  words: WordShare.nullable(),
  /** True when the caller sees only their own (or their child's) share: the policy's learner view. */
  ownShareOnly: z.boolean(),
  /**
   * The session tutor's account, for a link to their trend; given only to readers who may open that
   * (the tutor, reviewers, admins). Absent otherwise, and from servers before it.
   */
  tutorUserId: z.string().optional(),
});
export type SessionInsights = z.infer<typeof SessionInsights>;

/** `GET /api/insights/tutors/:userId`: a tutor's sessions over time, for reviewers, admins and the tutor. */
export const TutorTalkTrend = z.object({
  tutor: z.object({ userId: z.string(), name: z.string() }),
  lines: TalkLines,
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      title: z.string(),
      startedAt: z.string(),
      tutorSeconds: z.number().nonnegative(),
      learnerSeconds: z.number().nonnegative(),
      learnerSharePercent: z.number().nullable(),
      band: TalkBand.nullable(),
    }),
  ),
});
export type TutorTalkTrend = z.infer<typeof TutorTalkTrend>;

export const TranscriptStatus = z.enum(['none', 'queued', 'running', 'ready', 'failed', 'destroyed']);
export type TranscriptStatus = z.infer<typeof TranscriptStatus>;

/** One line of a transcript, seconds from the recording's start, with who was speaking then. */
export const TranscriptLine = z.object({
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  text: z.string(),
  /** From the talk-time intervals (who was speaking then), never guessed; null when nobody measured. */
  speaker: z.object({ name: z.string(), role: z.enum(['tutor', 'student', 'guardian']) }).nullable(),
});
export type TranscriptLine = z.infer<typeof TranscriptLine>;

/** `GET /api/recordings/:recordingId/transcript`: for whoever may watch the recording; every read audited. */
export const RecordingTranscript = z.object({
  recordingId: z.string(),
  status: TranscriptStatus,
  lines: z.array(TranscriptLine),
});
export type RecordingTranscript = z.infer<typeof RecordingTranscript>;
