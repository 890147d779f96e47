import { randomUUID } from 'node:crypto';
import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { e2eSite } from '../fixtures/organisation';
import { e2ePorts } from '../fixtures/ports';
import { createSessionOn, inviteUrlFor } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

const api = `http://127.0.0.1:${e2ePorts.server}/api`;

test('a forged webhook and a consent call with another session’s credentials change nothing', async ({
  browser,
  request,
}) => {
  const call = await startThreePersonCall(browser, 'Consent — forgery');
  await requestRecording(call.tutor);
  await expect(consentDialog(call.student)).toBeVisible();
  const state = await (
    await request.get(`${api}/recording/state`, {
      headers: { authorization: `Bearer ${call.tokens.student}` },
    })
  ).json();
  const requestId: string = state.state.request.requestId;

  // A webhook signed with a key LiveKit does not hold.
  const forged = await request.post(`${api}/livekit/webhook`, {
    headers: { 'content-type': 'application/webhook+json', authorization: 'Bearer not.a.real.token' },
    data: JSON.stringify({ event: 'participant_left', id: 'EV_forged', room: { name: 'x' } }),
  });
  expect(forged.status()).toBe(401);
  expect((await forged.json()).error.code).toBe('webhook_signature_invalid');

  // Someone from another session tries to answer this session's request.
  const other = await startOtherSessionToken();
  const crossSession = await request.post(`${api}/recording/consent`, {
    headers: { authorization: `Bearer ${other}` },
    data: { clientRequestId: randomUUID(), requestId },
  });
  expect([403, 409]).toContain(crossSession.status());
  const noCredentials = await request.post(`${api}/recording/consent`, {
    data: { clientRequestId: randomUUID(), requestId },
  });
  expect(noCredentials.status()).toBe(401);

  for (const page of call.everyone) await expect(banner(page)).toContainText('Waiting for consent (0 of 3)');
});

/** A guest's invite token in a session of another tutor. */
async function startOtherSessionToken(): Promise<string> {
  const other = await createSessionOn(e2eSite(), 'Another session', 'Bo Tutor', [
    { name: 'Kim', role: 'Student' },
  ]);
  return decodeURIComponent(new URL(inviteUrlFor(other, 'Kim')).pathname.split('/').pop() ?? '');
}
