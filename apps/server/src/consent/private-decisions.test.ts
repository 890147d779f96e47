// SECURITY: anyone in a LiveKit room can read every participant's attributes and the room metadata, so
// neither may ever tell who consented, declined or withdrew (rule 4). Each person learns their own
// decision from a data message addressed to them alone, or from the API with their own invite.
import {
  type ConsentCommandResponse,
  MyConsentTopic,
  ParticipantAttribute,
  parseMyConsentMessage,
} from '@assent/shared';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { type SessionSpec, sampleSpec } from '../test-support/organisation';
import {
  answer,
  createSessionFrom,
  get,
  joinRoom,
  recordWithEveryone,
  requestRecording,
  type SessionPerson,
} from '../test-support/recording-session';
import { postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const fourPeople: SessionSpec = {
  ...sampleSpec,
  participants: [
    ...sampleSpec.participants,
    { name: 'Lee Late', role: 'student', minor: false, guest: true },
  ],
};

/** What the server holds as this person's own decision, asked with their own invite. */
async function ownState(t: TestApp, person: SessionPerson) {
  return (await (await get(t, 'state', person.token)).json()) as ConsentCommandResponse;
}

describe.each(testDatabases)('each decision reaches only its owner ($name)', (database) => {
  const ctx = useTestApp(database);

  /**
   * The messages sent since the last check (one person's decision changed since) each went to one of our
   * people and told them their own current decision; everyone present has heard theirs.
   */
  function privateChecker(t: TestApp, people: SessionPerson[]) {
    let seen = 0;
    return async (present: SessionPerson[], options: { lastOnly?: boolean } = {}) => {
      await t.consent.idle();
      const fresh = options.lastOnly ? [] : t.roomService.privateMessages.slice(seen);
      seen = t.roomService.privateMessages.length;
      for (const message of fresh) {
        const owner = people.find((p) => p.identity === message.identity);
        expect(owner, `message to ${message.identity}`).toBeDefined();
        if (!owner) continue;
        expect(message.topic).toBe(MyConsentTopic);
        const own = await ownState(t, owner);
        expect(parseMyConsentMessage(message.payload)).toEqual({
          requestId: own.state.request?.requestId,
          decision: own.myDecision,
        });
      }
      // Everyone present has heard their current decision (the last message to them is it).
      for (const person of present) {
        const last = t.roomService.privateMessages.filter((m) => m.identity === person.identity).at(-1);
        const own = await ownState(t, person);
        if (own.state.request) {
          expect(parseMyConsentMessage(last?.payload ?? '')?.decision, person.identity).toBe(own.myDecision);
        }
      }
    };
  }

  it('through consents, a late joiner, a decline and a withdrawal', async () => {
    const t = ctx();
    const created = await createSessionFrom(t, fourPeople);
    const [tutor, student, guardian, late] = created.everyone;
    if (!tutor || !student || !guardian || !late) throw new Error('four people expected');
    const s = { ...created, tutor, student, guardian, everyone: [tutor, student, guardian] };
    const all = [tutor, student, guardian, late];
    const check = privateChecker(t, all);

    // Several people answered here: only where everyone ended up is checked.
    const { requestId, egressId } = await recordWithEveryone(t, s);
    await check(s.everyone, { lastOnly: true });
    await joinRoom(t, s, late.identity);
    await check(all);
    await answer(t, 'decline', late, requestId);
    await check(all);
    await t.consent.apply(s.sessionId, { type: 'egress_ended', egressId });
    await check(all);
    // The tutor asks again once the policy's cool-down after a no has passed.
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
    const next = await requestRecording(t, s);
    await check(all);
    await answer(t, 'consent', student, next);
    await check(all);
    await answer(t, 'withdraw', student, next);
    await check(all);

    // Nothing everyone can read names a person: not the metadata, not any attribute.
    expect(t.roomService.metadataLog.length).toBeGreaterThan(5);
    for (const { metadata } of t.roomService.metadataLog) {
      for (const person of all) {
        expect(metadata).not.toContain(person.personId);
        expect(metadata).not.toContain(person.identity);
      }
      expect(metadata).not.toMatch(/Lee|Sam|Pat|Dana/);
    }
    for (const person of all) {
      const res = await postJson(t.app, '/api/join', { inviteToken: person.token });
      const claims = decodeJwt(((await res.json()) as { token: string }).token);
      expect(Object.keys(claims.attributes as object).sort()).toEqual(
        [ParticipantAttribute.name, ParticipantAttribute.personId, ParticipantAttribute.role].sort(),
      );
    }
  });
});
