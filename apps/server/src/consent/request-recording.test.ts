/** The request use case called directly, as any caller besides the route would. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error';
import { resolveInvite } from '../sessions/resolve-invite';
import { buildSession, sampleSpec, seatsOf } from '../test-support/organisation';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { listConsentLog } from './consent-repository';
import { requestRecording } from './request-recording';

async function sampleSeats(t: TestApp) {
  const { created, guardians, studentIds } = await buildSession(t, sampleSpec);
  const seats = await seatsOf(t, created.sessionId);
  const invite = (role: string) => {
    const seat = seats.find((s) => s.role === role);
    if (!seat) throw new Error(`no ${role} seat`);
    return resolveInvite(t.db, t.config.inviteSecret, seat.token, t.clock.now);
  };
  return {
    sessionId: created.sessionId,
    invite,
    pat: guardians['Pat Guardian'],
    samId: studentIds['Sam Student'],
  };
}

const depsOf = (t: TestApp) => ({ db: t.db, consent: t.consent, now: () => t.clock.now });
const ask = () => ({
  purpose: 'quality_assurance',
  clientRequestId: randomUUID(),
  userAgent: 'test-agent/1',
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.status, code: error.code };
}

describe.each(testDatabases)('requestRecording ($name)', (database) => {
  const ctx = useTestApp(database);

  it('makes the tutor’s request under the policy in force, and refuses any other seat without writing', async () => {
    const t = ctx();
    const s = await sampleSeats(t);
    expect(await refusal(requestRecording(depsOf(t), await s.invite('student'), ask()))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(
      await refusal(requestRecording(depsOf(t), await s.invite('tutor'), { ...ask(), purpose: 'marketing' })),
    ).toEqual({
      status: 400,
      code: 'purpose_not_allowed',
    });
    expect(await listConsentLog(t.db, s.sessionId)).toEqual([]);

    const stored = await requestRecording(depsOf(t), await s.invite('tutor'), ask());
    const policy = await t.consent.policies.current();
    expect(stored.state.request).toMatchObject({
      purpose: 'quality_assurance',
      noticeVersion: policy.noticeVersion,
    });
    const log = await listConsentLog(t.db, s.sessionId);
    expect(log.map((e) => [e.kind, e.role, e.userAgent])).toEqual([['request', 'tutor', 'test-agent/1']]);
  });

  it('cancels its own request when a "do not record" was committed while it was being made', async () => {
    const t = ctx();
    const s = await sampleSeats(t);
    const apply = t.consent.apply;
    t.consent.apply = async (sessionId, event, options) => {
      if (event.type === 'request') {
        await t.db
          .insertInto('recording_preference_changes')
          .values({
            id: randomUUID(),
            student_id: s.samId as string,
            do_not_record: 1,
            changed_by_user_id: s.pat?.userId as string,
            at: t.clock.now.toISOString(),
          })
          .execute();
      }
      return apply(sessionId, event, options);
    };
    const refused = await refusal(requestRecording(depsOf(t), await s.invite('tutor'), ask()));
    t.consent.apply = apply;
    expect(refused).toEqual({ status: 409, code: 'recording_refused_by_preference' });
    expect((await t.consent.read(s.sessionId))?.state.request).toBeNull();
    const log = await listConsentLog(t.db, s.sessionId);
    expect(log.map((e) => [e.kind, e.role])).toEqual([
      ['request', 'tutor'],
      ['cancel', 'student'],
    ]);
  });
});
