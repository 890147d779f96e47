import type { RouteCase } from '../route-matrix';

/** The guardian-presence routes in the route × caller matrix. */
export const guardianPresenceCases: RouteCase[] = [];
