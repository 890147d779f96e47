/** The chat log read afterwards: the default policy's readers are the session's tutor and the reviewers. */
import type { RouteCase } from '../route-matrix';

export const chatCases: RouteCase[] = [
  {
    name: "read own session's chat log",
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/sessions/${v.ownSession}/chat`,
    // Administrators are not readers by default; students and guardians only where the policy allows.
    allowed: { reviewer: 200, tutor: 200 },
  },
  {
    name: "read another tutor's session's chat log",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/sessions/${v.otherSession}/chat`,
    allowed: { reviewer: 200 },
  },
];
