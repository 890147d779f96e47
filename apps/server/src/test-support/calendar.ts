/** Calendar tests: accounts and scheduled sessions written straight to the tables, and mail's .ics read back. */
import { randomUUID } from 'node:crypto';
import type { AccountRole } from '@assent/shared';
import type { Db } from '../db/database';
import { insertUserWithPassword } from '../people/user-repository';

export async function insertAccount(db: Db, role: AccountRole, name: string, at = new Date()) {
  const id = `usr_${randomUUID()}`;
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(-6)}@example.org`;
  await insertUserWithPassword(db, { id, name, email, role }, 'not-a-password-hash', at);
  return { id, name, email };
}

export interface SeatInput {
  name: string;
  role: 'tutor' | 'student' | 'guardian' | 'observer';
  userId: string | null;
  minor?: boolean;
}

/** A scheduled session row with the 0020 columns, and its seats (guardians linked to every student). */
export async function insertScheduledSession(
  db: Db,
  input: {
    ownerUserId: string;
    title: string;
    startsAt: string;
    durationMinutes?: number;
    timeZone?: string;
    seats: SeatInput[];
    createdAt?: Date;
  },
): Promise<{ sessionId: string; personIds: string[] }> {
  const sessionId = `ses_${randomUUID()}`;
  const at = (input.createdAt ?? new Date()).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      title: input.title,
      room_name: `rm_${randomUUID()}`,
      created_at: at,
      owner_user_id: input.ownerUserId,
      starts_at: input.startsAt,
      duration_minutes: input.durationMinutes ?? 60,
      time_zone: input.timeZone ?? 'Europe/London',
    })
    .execute();
  const personIds: string[] = [];
  for (const seat of input.seats) {
    const id = `per_${randomUUID()}`;
    personIds.push(id);
    await db
      .insertInto('people')
      .values({
        id,
        session_id: sessionId,
        name: seat.name,
        role: seat.role,
        minor: seat.minor ? 1 : 0,
        livekit_identity: `p_${randomUUID()}`,
        created_at: at,
        user_id: seat.userId,
        student_id: null,
      })
      .execute();
  }
  return { sessionId, personIds };
}

/** The `invite.ics` attachment of a raw message (nodemailer writes it base64), or undefined. */
export function icsAttachment(raw: string): string | undefined {
  const part = raw.split(/\r?\n--/).find((p) => /Content-Type: application\/ics/i.test(p));
  if (!part) return undefined;
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('')
    .replace(/\s+/g, '');
  return Buffer.from(body, 'base64').toString('utf8');
}

/** The decoded text part of a raw message (quoted-printable soft breaks and escapes undone). */
export function mailText(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
