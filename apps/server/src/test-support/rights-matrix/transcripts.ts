import type { RouteCase } from '../route-matrix';

/** The transcript route in the route × caller matrix. */
export const transcriptCases: RouteCase[] = [
  {
    // Missing and not allowed answer alike, so every signed-in caller gets 404.
    name: 'read the transcript of a recording that does not exist',
    method: 'GET',
    path: () => '/api/recordings/rec_missing/transcript',
    allowed: { admin: 404, reviewer: 404, tutor: 404, guardian: 404, student: 404 },
  },
];
