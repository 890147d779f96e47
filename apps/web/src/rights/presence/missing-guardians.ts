import type { MinorInCall } from '@assent/shared';

/**
 * The names of the children in the room with none of their guardians there, in the order the session
 * lists them. `present` holds the person ids of everyone in the room (the `assent.person` attribute).
 */
export function childrenWithoutGuardian(
  present: ReadonlySet<string>,
  minors: readonly MinorInCall[],
): string[] {
  return minors
    .filter((m) => present.has(m.personId) && !m.guardianPersonIds.some((g) => present.has(g)))
    .map((m) => m.name);
}
