import { resolve } from 'node:path';
import { banner, consentDialog, requestRecording } from '../fixtures/call';
import { type OwnStack, startOwnStack } from '../fixtures/own-stack';
import { livekitView, roomOf, statusOf } from '../fixtures/recording';
import { createSessionOn, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

// A recording page that never tells egress to start (Assent's home page instead of the layout), on a
// stack of its own: every start stalls in EGRESS_STARTING.
const ports = { redis: 46379, livekit: 47880, livekitRtcTcp: 47881, livekitRtcUdp: 47882, server: 48787 };
let stack: OwnStack;

test.beforeAll(async () => {
  stack = await startOwnStack({
    dataDir: resolve(import.meta.dirname, '../../.data/e2e-stalled'),
    ports,
    serverEnv: {
      RECORDING_LAYOUT_URL: `http://127.0.0.1:${ports.server}/`,
      EGRESS_ACTIVE_TIMEOUT_SECONDS: '6',
    },
  });
});
test.afterAll(async () => stack?.stop());

test('a recorder that never begins capturing is stopped and retried, and never shown as recording', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const session = await createSessionOn(stack.site, 'Recording — stalled start', 'Ada Tutor', [
    { name: 'Lee Adult', role: 'Student', minor: false },
  ]);
  const tutorUrl = session.tutorUrl;
  const roomName = await roomOf(request, stack.webUrl, decodeURIComponent(tutorUrl.split('/').pop() ?? ''));
  const { livekitApiKey, livekitApiSecret } = stack.config.secrets;
  const livekit = livekitView({
    url: stack.livekitHttpUrl,
    apiKey: livekitApiKey,
    apiSecret: livekitApiSecret,
  });

  const tutor = await openInvite(browser, tutorUrl);
  await joinCall(tutor);
  // Every text the banner shows, as it changes.
  await tutor.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __bannerTexts: string[] }).__bannerTexts = seen;
    const el = document.querySelector('[role="status"][aria-label="Recording status"]');
    if (!el) throw new Error('no recording banner');
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  await requestRecording(tutor);
  await consentDialog(tutor).getByRole('button', { name: 'I consent', exact: true }).click();

  // Three attempts, each stopped after the 6 s allowed, then the truth: the recorder could not start.
  await expect(banner(tutor)).toContainText('Not recording — the recorder could not start', {
    timeout: 90_000,
  });
  const egresses = await livekit.egresses(roomName);
  expect(egresses).toHaveLength(3);
  for (const egress of egresses) expect(statusOf(egress)).toBe('EGRESS_ABORTED');
  expect(await livekit.running(roomName)).toEqual([]);
  const texts = await tutor.evaluate(() => (window as unknown as { __bannerTexts: string[] }).__bannerTexts);
  expect(texts.some((text) => text.includes('Recording starting'))).toBe(true);
  expect(texts.filter((text) => text.includes('Recording —'))).toEqual([]);
});
