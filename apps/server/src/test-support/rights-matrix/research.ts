import type { RouteCase } from '../route-matrix';

/** The research routes in the route × caller matrix. */
export const researchCases: RouteCase[] = [];
