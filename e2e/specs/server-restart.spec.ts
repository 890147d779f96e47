import { resolve } from 'node:path';
import { serverService } from '../../scripts/stack/services';
import type { Stack } from '../../scripts/stack/stack';
import { banner, consentDialog } from '../fixtures/call';
import { runningEgressCount } from '../fixtures/livekit-api';
import { startOwnStack } from '../fixtures/own-stack';
import { joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

// This journey kills the server, so it runs a stack of its own on ports of its own.
const ports = { redis: 26379, livekit: 27880, livekitRtcTcp: 27881, livekitRtcUdp: 27882, server: 28787 };
const serverEnv = { EGRESS_START_TIMEOUT_SECONDS: '60', RECONCILE_INTERVAL_SECONDS: '15' };
let stack: Stack;

test.beforeAll(async () => {
  stack = await startOwnStack({
    dataDir: resolve(import.meta.dirname, '../../.data/e2e-restart'),
    ports,
    serverEnv,
  });
});
test.afterAll(async () => stack?.stop());

test('after a SIGKILL during a starting recording, the restarted server repairs what it missed', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const api = `${stack.webUrl}/api`;
  const created = await request.post(`${api}/sessions`, {
    data: {
      title: 'Consent — server restart',
      tutorName: 'Ada Tutor',
      participants: [
        { name: 'Sam Student', role: 'student', minor: true },
        { name: 'Pat Parent', role: 'guardian' },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const invites: { name: string; url: string }[] = (await created.json()).invites;
  const urlOf = (name: string) => invites.find((i) => i.name === name)?.url ?? '';
  const tutor = await openInvite(browser, urlOf('Ada Tutor'));
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
  for (const page of everyone) await expect(banner(page)).toContainText('Recording starting');

  await stack.supervisor.kill('server', 'SIGKILL');
  // While the server is down the guardian leaves: no webhook can reach the server.
  await guardian.getByRole('button', { name: 'Leave' }).click();
  await expect(guardian.getByText('You left the session')).toBeVisible();

  const restartedAt = Date.now();
  await stack.supervisor.start(serverService(stack.config, serverEnv));
  // The reconciler's start-up pass finds the guardian gone, so the minor student's consent no longer
  // counts, and settles the start the dead process never saw answered: nobody is recorded.
  for (const page of [tutor, student]) {
    await expect(banner(page)).toContainText('Not recording', { timeout: 25_000 });
    await expect(banner(page)).toContainText('Waiting for consent');
  }
  console.log(`restart → every banner repaired: ${Date.now() - restartedAt} ms`);
  const { livekitApiKey, livekitApiSecret } = stack.config.secrets;
  const livekit = { url: stack.livekitHttpUrl, apiKey: livekitApiKey, apiSecret: livekitApiSecret };
  expect(await runningEgressCount(livekit)).toBe(0);
});
