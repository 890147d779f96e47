import { createSession, inviteUrlFor } from '../fixtures/session';
import { expect, expectBlockedByPolicy, test } from '../fixtures/test';

test('the join page says so when Assent or the call cannot be reached', async ({
  browser,
  page,
}, testInfo) => {
  const session = await createSession(page, 'Failure messages', 'Ada Tutor', [
    { name: 'Sam Student', role: 'Student' },
  ]);
  const url = inviteUrlFor(session, 'Sam Student');

  // The server is unreachable: every API call fails at the network level.
  const offline = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  await offline.route('**/api/**', (route) => route.abort('connectionrefused'));
  await offline.goto(url);
  await expect(offline.getByRole('alert')).toContainText("Can't reach Assent");
  await expect(offline.getByRole('button', { name: 'Retry' })).toBeVisible();
  await offline.screenshot({ path: testInfo.outputPath('server-unreachable.png') });

  // The server answers, but the LiveKit address it hands out does not: nothing listens on port 9, and
  // the page's Content-Security-Policy (which names only the configured LiveKit) refuses it besides.
  expectBlockedByPolicy('127.0.0.1:9');
  const noLivekit = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  await noLivekit.route('**/api/join', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: { ...body, livekitUrl: 'ws://127.0.0.1:9' } });
  });
  await noLivekit.goto(url);
  await noLivekit.getByRole('button', { name: 'Join session' }).click();
  await expect(noLivekit.getByRole('alert')).toContainText("Can't connect to the call", { timeout: 30_000 });
  await noLivekit.screenshot({ path: testInfo.outputPath('livekit-unreachable.png') });
});
