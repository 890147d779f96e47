import type { RouteCase } from '../route-matrix';

/** The deletion-requests routes in the route × caller matrix. */
export const deletionRequestCases: RouteCase[] = [];
