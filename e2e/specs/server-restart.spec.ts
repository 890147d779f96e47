import { resolve } from 'node:path';
import { serverService } from '../../scripts/stack/services';
import { banner, consentDialog } from '../fixtures/call';
import { type OwnStack, startOwnStack } from '../fixtures/own-stack';
import { livekitView, roomOf, statusOf } from '../fixtures/recording';
import { createSessionOn, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

// This journey kills the server, so it runs a stack of its own on ports of its own.
const ports = { redis: 26379, livekit: 27880, livekitRtcTcp: 27881, livekitRtcUdp: 27882, server: 28787 };
const serverEnv = { EGRESS_START_TIMEOUT_SECONDS: '60', RECONCILE_INTERVAL_SECONDS: '15' };
let stack: OwnStack;

test.beforeAll(async () => {
  stack = await startOwnStack({
    dataDir: resolve(import.meta.dirname, '../../.data/e2e-restart'),
    ports,
    serverEnv,
  });
});
test.afterAll(async () => stack?.stop());

test('after a SIGKILL while recording, the restarted server stops the recorder consent no longer allows', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const session = await createSessionOn(stack.site, 'Consent — server restart', 'Ada Tutor', [
    { name: 'Sam Student', role: 'Student', minor: true },
    { name: 'Pat Parent', role: 'Guardian' },
  ]);
  const urlOf = (name: string) => inviteUrlFor(session, name);
  const { livekitApiKey, livekitApiSecret } = stack.config.secrets;
  const livekit = livekitView({
    url: stack.livekitHttpUrl,
    apiKey: livekitApiKey,
    apiSecret: livekitApiSecret,
  });
  const tutorUrl = session.tutorUrl;
  const roomName = await roomOf(request, stack.webUrl, decodeURIComponent(tutorUrl.split('/').pop() ?? ''));
  const tutor = await openInvite(browser, tutorUrl);
  const student = await openInvite(browser, urlOf('Sam Student'));
  const guardian = await openInvite(browser, urlOf('Pat Parent'));
  const everyone = [tutor, student, guardian];
  for (const page of everyone) await joinCall(page);
  await tutor.getByRole('button', { name: 'Request recording' }).click();
  await tutor
    .getByRole('dialog', { name: 'Request recording' })
    .getByRole('button', { name: 'Send request' })
    .click();
  for (const page of everyone) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000 })
    .toEqual(['EGRESS_ACTIVE']);
  for (const page of everyone) await expect(banner(page)).toContainText('Recording — ');

  await stack.supervisor.kill('server', 'SIGKILL');
  // While the server is down the guardian leaves: no webhook can reach the server.
  await guardian.getByRole('button', { name: 'Leave' }).click();
  await expect(guardian.getByText('You left the session')).toBeVisible();

  const restartedAt = Date.now();
  await stack.supervisor.start(serverService(stack.config, stack.serverEnv));
  // The reconciler's start-up pass finds the guardian gone, so the minor student's consent no longer
  // counts, and stops the recorder the dead process left running: LiveKit's word, within 15 s.
  await expect.poll(() => livekit.running(roomName), { timeout: 15_000, intervals: [200] }).toEqual([]);
  console.log(`restart → egress stopped: ${Date.now() - restartedAt} ms`);
  for (const page of [tutor, student]) {
    await expect(banner(page)).toContainText('Not recording', { timeout: 15_000 });
    await expect(banner(page)).toContainText('Waiting for consent');
  }
  console.log(`restart → every banner repaired: ${Date.now() - restartedAt} ms`);
  await expect.poll(() => livekit.roomIsRecording(roomName), { timeout: 10_000 }).toBe(false);
});
