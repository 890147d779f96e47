import type { RouteCase } from '../route-matrix';

/** The access-requests routes in the route × caller matrix. */
export const accessRequestCases: RouteCase[] = [];
