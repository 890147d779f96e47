import { describe, expect, it } from 'vitest';
import { buildResearchManifest, type ManifestSession, shuffled } from './research-manifest';

const session = (n: number): ManifestSession => ({
  sessionId: `ses_secret${n}`,
  startedAt: '2026-03-03T10:00:00.000Z',
  seats: [
    { personId: `per_tutor${n}`, role: 'tutor', minor: false, inCall: true },
    { personId: `per_child${n}`, role: 'student', minor: true, inCall: true },
    { personId: `per_parent${n}`, role: 'guardian', minor: false, inCall: false },
  ],
  recordings: [
    {
      recordingId: `rec_secret${n}`,
      requestId: `req_${n}`,
      purpose: 'quality_assurance',
      startedAt: '2026-03-03T10:05:00.000Z',
      endedAt: '2026-03-03T10:35:00.000Z',
      sizeBytes: 1234,
    },
  ],
  consentLog: [
    {
      personId: `per_parent${n}`,
      kind: 'consent',
      requestId: `req_${n}`,
      purpose: 'quality_assurance',
      noticeVersion: 'policy-1',
      at: '2026-03-03T10:04:30.000Z',
      forPersonIds: [`per_child${n}`],
      inAdvance: false,
    },
  ],
  researchDecisions: [
    {
      personId: `per_child${n}`,
      decidedByPersonId: `per_parent${n}`,
      decision: 'agree',
      at: '2026-03-04T10:00:00.000Z',
    },
  ],
});

describe('the research manifest', () => {
  it('names sessions, people and recordings only by pseudonyms, with times as offsets', () => {
    const { manifest, files } = buildResearchManifest({
      createdAt: '2026-03-10T12:00:00.000Z',
      sessions: [session(1), session(2)],
      withdrawnSessions: 1,
      unavailableRecordings: 0,
    });
    const text = JSON.stringify(manifest);
    expect(text).not.toMatch(/ses_|per_|rec_|req_|T10:/);
    expect(files.map((f) => f.path)).toEqual(['recordings/R1.mp4', 'recordings/R2.mp4']);
    const sessions = manifest.sessions as {
      id: string;
      people: { id: string }[];
      recordingConsent: unknown[];
    }[];
    expect(sessions.map((s) => s.id)).toEqual(['S1', 'S2']);
    const everyone = sessions.flatMap((s) => s.people.map((p) => p.id)).sort();
    expect(everyone).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(manifest).toMatchObject({ withdrawnSinceExport: 1, createdOn: '2026-03-10' });
    const [first] = sessions as unknown as [Record<string, unknown[]>];
    expect(first.recordings?.[0]).toMatchObject({
      startOffsetSeconds: 300,
      durationSeconds: 1800,
      sizeBytes: 1234,
    });
    expect(first.recordingConsent?.[0]).toMatchObject({
      kind: 'consent',
      offsetSeconds: 270,
      recordings: ['R1'],
    });
  });

  it('draws pseudonyms at random, not from the order of the ids', () => {
    const orders = new Set(
      Array.from({ length: 30 }, () => {
        const { files } = buildResearchManifest({
          createdAt: '2026-03-10T12:00:00.000Z',
          sessions: [session(1), session(2), session(3)],
          withdrawnSessions: 0,
          unavailableRecordings: 0,
        });
        return files.map((f) => f.recordingId).join();
      }),
    );
    expect(orders.size).toBeGreaterThan(1);
    expect(shuffled([1, 2, 3], () => 0)).toEqual([2, 3, 1]);
  });
});
