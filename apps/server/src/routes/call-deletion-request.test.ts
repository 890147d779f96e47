import type { AuditPage, DeletionRequestReceipt } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { createSampleSession, errorOf, inviteTokenOf, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const ask = (t: ReturnType<ReturnType<typeof useTestApp>>, token: string | undefined, body: unknown) =>
  t.app.request('/api/recording/deletion-request', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe.each(testDatabases)('a deletion request from the call ($name)', (database) => {
  const ctx = useTestApp(database);

  it('is received once per person and session, audited, and open for an admin', async () => {
    const t = ctx();
    const session = await createSampleSession(t);
    const sam = session.invites.find((i) => i.name === 'Sam Student');
    const token = inviteTokenOf(sam?.url ?? '');
    const first = await ask(t, token, { clientRequestId: crypto.randomUUID() });
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as DeletionRequestReceipt;
    expect(receipt).toMatchObject({ status: 'open', receivedAt: t.clock.now.toISOString() });
    const again = await ask(t, token, { clientRequestId: crypto.randomUUID() });
    expect(again.status).toBe(200);
    expect(((await again.json()) as DeletionRequestReceipt).id).toBe(receipt.id);

    const rows = await t.db.selectFrom('deletion_requests').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ requester_name: 'Sam Student', origin: 'withdrawal', status: 'open' });
    const admin = await signedInAs(t, 'admin');
    const audit = (await (
      await asAccount(t, admin, 'GET', '/api/admin/audit?actionPrefix=deletion_request')
    ).json()) as AuditPage;
    expect(audit.entries).toHaveLength(1);
  });

  it('refuses a missing or forged token and a bad body, writing nothing', async () => {
    const t = ctx();
    const session = await createSampleSession(t);
    const token = inviteTokenOf(session.invites[0]?.url ?? '');
    expect((await ask(t, undefined, { clientRequestId: crypto.randomUUID() })).status).toBe(401);
    expect((await ask(t, `${token}x`, { clientRequestId: crypto.randomUUID() })).status).toBe(401);
    const bad = await ask(t, token, { clientRequestId: 'nope' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('validation_failed');
    expect(await t.db.selectFrom('deletion_requests').selectAll().execute()).toEqual([]);
  });
});
