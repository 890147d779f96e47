/**
 * A shorter retention reaches recordings already stored (destroyed sooner, the deletion record citing the
 * version); a longer one does not (people consented to the shorter time). The admin sees which before saving.
 */
import { randomUUID } from 'node:crypto';
import { days, type OrganisationPolicy, type RetentionEffects } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { fakeMp4, finishedEgress, logEntry, recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function retentionOf(t: TestApp, purpose: string, days: number) {
  const current = (await (await t.app.request('/api/policy')).json()) as OrganisationPolicy;
  const purposes = current.policy.purposes.map((p) => (p.id === purpose ? { ...p, retentionDays: days } : p));
  return { current, purposes };
}

async function preview(t: TestApp, admin: TestAccount, purpose: string, days: number) {
  const { purposes } = await retentionOf(t, purpose, days);
  const res = await asAccount(t, admin, 'POST', '/api/admin/policy/retention-effects', {
    purposes: purposes.map(({ id, retentionDays }) => ({ id, retentionDays })),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as RetentionEffects).effects;
}

async function saveRetention(t: TestApp, admin: TestAccount, purpose: string, days: number) {
  const { current, purposes } = await retentionOf(t, purpose, days);
  const res = await asAccount(t, admin, 'PUT', '/api/admin/policy', {
    ...current.policy,
    purposes,
    basedOnVersion: current.version,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as OrganisationPolicy).version;
}

const rowOf = (t: TestApp, id: string) =>
  t.db
    .selectFrom('recordings')
    .select(['status', 'retain_until', 'retention_policy_version', 'ended_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const later = (t: TestApp, n: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + days(n));
};

describe.each(testDatabases)('retention changes and stored recordings ($name)', (database) => {
  const ctx = useTestApp(database);

  it('shortening applies to stored recordings: destroyed sooner, with deletion records citing the version', async () => {
    const t = ctx();
    const old = await recordedSession(t);
    later(t, 40);
    const recent = await recordedSession(t);
    const admin = await signedInAs(t, 'admin');

    expect(await preview(t, admin, 'quality_assurance', 30)).toEqual([
      expect.objectContaining({
        purpose: 'quality_assurance',
        beforeDays: 90,
        afterDays: 30,
        direction: 'shorter',
        storedRecordings: 2,
        destroyedSooner: 2,
        destroyedAtNextSweep: 1,
      }),
    ]);
    const version = await saveRetention(t, admin, 'quality_assurance', 30);
    expect(version).toBe(2);

    const moved = await rowOf(t, recent.recordingId);
    expect(moved.retention_policy_version).toBe(2);
    expect(Date.parse(moved.retain_until ?? '') - Date.parse(moved.ended_at ?? '')).toBe(days(30));

    expect((await t.vault.sweep()).expired).toBe(1);
    expect((await rowOf(t, old.recordingId)).status).toBe('destroyed');
    expect((await rowOf(t, recent.recordingId)).status).toBe('stored');
    later(t, 31);
    expect((await t.vault.sweep()).expired).toBe(1);
    expect((await rowOf(t, recent.recordingId)).status).toBe('destroyed');

    const records = await t.db.selectFrom('deletion_records').select(['reason', 'detail']).execute();
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.reason).toBe('retention');
      expect(record.detail).toMatch(/\(policy version 2\)$/);
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'recording.retention_shortened')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]?.detail))).toMatchObject({ afterDays: 30, policyVersion: 2 });
  });

  it('lengthening does not extend stored recordings: they go when the time people consented to ends', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const before = await rowOf(t, rec.recordingId);
    const admin = await signedInAs(t, 'admin');

    expect(await preview(t, admin, 'quality_assurance', 365)).toEqual([
      expect.objectContaining({ direction: 'longer', storedRecordings: 1, destroyedSooner: 0 }),
    ]);
    await saveRetention(t, admin, 'quality_assurance', 365);
    expect(await rowOf(t, rec.recordingId)).toEqual(before);

    later(t, 91);
    expect((await t.vault.sweep()).expired).toBe(1);
    const record = await t.db.selectFrom('deletion_records').select('detail').executeTakeFirstOrThrow();
    expect(record.detail).toMatch(/\(policy version 1\)$/);
  });

  it('a recording stored after a shortening gets the shorter retention, made under the longer one', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const seats = await seatsOf(t, rec.sessionId);
    const tutor = seats.find((s) => s.role === 'tutor');
    if (!tutor) throw new Error('no tutor');
    // A second request under version 1, whose file egress finishes only after the admin shortens retention.
    const requestId = `req_${randomUUID()}`;
    await logEntry(t, rec.sessionId, tutor, 'request', requestId, 'quality_assurance', 50);
    const admin = await signedInAs(t, 'admin');
    await saveRetention(t, admin, 'quality_assurance', 7);
    await finishedEgress(t, rec.sessionId, requestId, fakeMp4(5000));
    await t.vault.collect();
    const row = await t.db
      .selectFrom('recordings')
      .select(['retain_until', 'retention_policy_version', 'ended_at', 'policy_version'])
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row.policy_version).toBe(1);
    expect(row.retention_policy_version).toBe(2);
    expect(Date.parse(row.retain_until ?? '') - Date.parse(row.ended_at ?? '')).toBe(days(7));
  });
});
