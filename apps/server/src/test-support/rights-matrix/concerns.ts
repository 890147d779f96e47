import type { RouteCase } from '../route-matrix';

/** The concerns routes in the route × caller matrix. */
export const concernCases: RouteCase[] = [];
