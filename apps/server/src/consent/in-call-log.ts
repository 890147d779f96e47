/**
 * What the consent log shows in the call (consent without pressure): everyone sees their own entries;
 * the tutor also sees the session's requests and cancels, and everyone else's answers only as counts
 * per request, so nobody in the call learns who declined or withdrew. The named log stays in the
 * database for reviewers and admins (recording details, access answers).
 */
import type { ConsentAnswerCounts, ConsentLogResponse } from '@assent/shared';
import { type ConsentLogRecord, toLogEntry } from './consent-repository';

const answers = { consent: 'consented', decline: 'declined', withdraw: 'withdrawn' } as const;

export function inCallLog(
  records: readonly ConsentLogRecord[],
  personId: string,
  isTutor: boolean,
): ConsentLogResponse {
  if (!isTutor) {
    return { entries: records.filter((r) => r.personId === personId).map(toLogEntry), counts: [] };
  }
  const counts = new Map<string, ConsentAnswerCounts>();
  const entries = records.filter((record) => {
    if (record.personId === personId) return true;
    if (!(record.kind in answers)) return true;
    const key = answers[record.kind as keyof typeof answers];
    const count = counts.get(record.requestId) ?? {
      requestId: record.requestId,
      purpose: record.purpose,
      consented: 0,
      declined: 0,
      withdrawn: 0,
    };
    count[key] += 1;
    counts.set(record.requestId, count);
    return false;
  });
  return { entries: entries.map(toLogEntry), counts: [...counts.values()] };
}
