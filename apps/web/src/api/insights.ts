import { RecordingTranscript, SessionInsights, TutorTalkTrend } from '@assent/shared';
import { config } from '../config';
import { requestParsed } from './parsed';

// Session insights, as the signed-in person: a session's talk time, a tutor's trend, a recording's
// transcript. Only the insights and recording pages load this module, so its schemas stay out of the
// first load. The server decides who may see each (by the policy) and audits every reading.

const api = config.apiBase;

/** One session's talk time; 403/404 when the policy does not let the caller see it. */
export function fetchSessionInsights(sessionId: string): Promise<SessionInsights> {
  return requestParsed(SessionInsights, `${api}/sessions/${encodeURIComponent(sessionId)}/insights`);
}

/** A tutor's measured sessions over time, for reviewers, admins and the tutor. */
export function fetchTutorTrend(userId: string): Promise<TutorTalkTrend> {
  return requestParsed(TutorTalkTrend, `${api}/insights/tutors/${encodeURIComponent(userId)}`);
}

/** A recording's transcript and its status, for whoever may watch the recording. */
export function fetchTranscript(recordingId: string): Promise<RecordingTranscript> {
  return requestParsed(
    RecordingTranscript,
    `${api}/recordings/${encodeURIComponent(recordingId)}/transcript`,
  );
}
