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

/**
 * The saved whiteboard has the chat log's readers. The world keeps no saved board, so a reader gets past
 * the check to 404 and everyone else is refused (403, or 401 signed out) before it is looked for.
 */
export const boardCases: RouteCase[] = [
  {
    name: "read own session's saved whiteboard",
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/sessions/${v.ownSession}/board`,
    allowed: { reviewer: 404, tutor: 404 },
  },
  {
    name: "read own session's saved whiteboard picture",
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/sessions/${v.ownSession}/board.png`,
    allowed: { reviewer: 404, tutor: 404 },
  },
  {
    name: "read another tutor's session's saved whiteboard",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/sessions/${v.otherSession}/board`,
    allowed: { reviewer: 404 },
  },
];
