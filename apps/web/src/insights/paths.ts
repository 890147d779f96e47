// The insights pages' paths, for links from other pages (kept apart so linking loads no page code).

/** A session's talk time. */
export const sessionInsightsPath = (sessionId: string) =>
  `/sessions/${encodeURIComponent(sessionId)}/insights`;

/** A tutor's talk time over their sessions. */
export const tutorTrendPath = (userId: string) => `/insights/tutors/${encodeURIComponent(userId)}`;
