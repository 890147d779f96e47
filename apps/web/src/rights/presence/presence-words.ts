import type { GuardianAtEnd, GuardianAtStart, MinorGuardianPresence } from '@assent/shared';

const atStart: Record<GuardianAtStart, string> = {
  present: 'present',
  missed: 'missing',
  not_joined: 'did not join',
};

const atEnd: Record<GuardianAtEnd, string> = {
  present: 'present',
  missed: 'missing',
  in_progress: 'in progress',
  not_joined: 'did not join',
};

/** "At start: present" as the admin table shows it. */
export const startInWords = (start: GuardianAtStart) => `At start: ${atStart[start]}`;
export const endInWords = (end: GuardianAtEnd) => `At end: ${atEnd[end]}`;

/**
 * One line for "Your sessions", e.g. "Kit: a guardian was there at the start and at the end"; null
 * until the child has joined (there is nothing to say before).
 */
export function presenceLine({ name, start, end }: MinorGuardianPresence): string | null {
  if (start === 'not_joined') return null;
  const there = start === 'present';
  switch (end) {
    case 'present':
      return there
        ? `${name}: a guardian was there at the start and at the end`
        : `${name}: no guardian at the start; a guardian was there at the end`;
    case 'missed':
      return there
        ? `${name}: a guardian was there at the start, but not at the end`
        : `${name}: no guardian at the start or at the end`;
    default:
      return there ? `${name}: a guardian was there at the start` : `${name}: no guardian at the start`;
  }
}
