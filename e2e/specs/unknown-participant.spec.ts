import { AccessToken } from 'livekit-server-sdk';
import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { expect, test } from '../fixtures/node-participant';
import { e2ePorts, e2eSecrets } from '../fixtures/ports';

test('a participant that is not our web app counts as someone who has not consented', async ({
  browser,
  request,
  nodeRoom,
}) => {
  const call = await startThreePersonCall(browser, 'Consent — unknown client');
  await requestRecording(call.tutor);
  for (const page of call.everyone) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  for (const page of call.everyone) await expect(banner(page)).toContainText(/Recording( starting)? — /);

  // Someone holding a LiveKit token for the room but not admitted by Assent (no role, no person)
  // joins with LiveKit's Node SDK rather than the web app.
  const joined = await request.post(`http://127.0.0.1:${e2ePorts.server}/api/join`, {
    data: { inviteToken: call.tokens.tutor },
  });
  const { roomName } = (await joined.json()) as { roomName: string };
  const { livekitApiKey, livekitApiSecret } = e2eSecrets();
  const token = new AccessToken(livekitApiKey, livekitApiSecret, { identity: 'outside-client', ttl: 600 });
  token.addGrant({ room: roomName, roomJoin: true, canPublish: true, canSubscribe: true });
  const outsider = nodeRoom();
  await outsider.connect(`ws://127.0.0.1:${e2ePorts.livekit}`, await token.toJwt(), {
    autoSubscribe: false,
    dynacast: false,
  });

  try {
    // Fail closed: it can never consent, so recording stops and waits for an answer it cannot give.
    for (const page of call.everyone) {
      await expect(banner(page)).toContainText('Waiting for consent (3 of 4)', { timeout: 45_000 });
      await expect(banner(page)).toContainText('Not recording');
    }
    await expect(consentDialog(call.student)).toBeHidden();
  } finally {
    await outsider.disconnect();
  }
  // Once it has gone, everyone present has consented again.
  for (const page of call.everyone) await expect(banner(page)).toContainText(/Recording( starting)? — /);
});
