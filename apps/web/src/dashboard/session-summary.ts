import type { MySession } from '@assent/shared';

const roleWord = { tutor: 'tutor', student: 'student', guardian: 'guardian', observer: 'observer' } as const;

/** Who is in a session, in one line: "Ms Rivera (tutor), Ana (student), Pat (guardian)". */
export function peopleLine(people: MySession['people']): string {
  return people.map((p) => `${p.name} (${roleWord[p.role]})`).join(', ');
}

/** When the session was created, as the reader writes dates. */
export function formatSessionDate(iso: string, locale?: string): string {
  return new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
}
