/**
 * Talk time on the real stack: two `@livekit/rtc-node` bots on real seats (the tutor and an adult
 * learner) play synthetic speech (espeak-ng, cut with sox) in turns with silences, to a known truth table.
 * The server's hidden observer measures it from LiveKit's speaker updates: the learner share it stored is
 * within ±3 points of the truth; the observer is in no participant list a browser sees, and LiveKit never
 * reports the room as recording because of it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import { e2eLivekit } from '../fixtures/livekit-api';
import { expect, test } from '../fixtures/node-participant';
import { e2eSite, openOrganisation } from '../fixtures/organisation';
import { e2ePorts } from '../fixtures/ports';
import { expectAccessible, screenshotBothSizes } from '../fixtures/screens';
import { createSessionOn } from '../fixtures/session';
import { microphoneOf, observationsOf, speechWav, talkSecondsByRole } from '../fixtures/talk-time';

const baseUrl = `http://127.0.0.1:${e2ePorts.server}`;
const title = 'Fractions — talk time';
const { url, apiKey, apiSecret } = e2eLivekit();
const rooms = new RoomServiceClient(url, apiKey, apiSecret);

// The truth table (seconds from the start of playback): the tutor 12 s, the learner 8 s, in turns.
const tutorTurns: Array<[number, number]> = [
  [1, 7],
  [15, 21],
];
const learnerTurns: Array<[number, number]> = [
  [8, 12],
  [22, 26],
];
const total = 28;
const spoken = (turns: Array<[number, number]>) => turns.reduce((sum, [from, to]) => sum + to - from, 0);
const truthShare = (100 * spoken(learnerTurns)) / (spoken(learnerTurns) + spoken(tutorTurns));

const tokenOf = (link: string) => decodeURIComponent(new URL(link).pathname.split('/').pop() ?? '');

test('talk time is measured by the server to within 3 points of the truth, unseen and never recording', async ({
  browser,
  request,
  nodeRoom,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'assent-talk-'));
  const tutorWav = speechWav(dir, 'tutor', tutorTurns, total);
  const learnerWav = speechWav(dir, 'learner', learnerTurns, total);

  // A reviewer's browser watches from an observer seat (camera and microphone off): the browser's view.
  const organisation = openOrganisation();
  const reviewerContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  // The tutor's signed-in browser, which reads the session's talk time afterwards through the insights API.
  const tutorContext = await browser.newContext();
  let session: Awaited<ReturnType<typeof createSessionOn>>;
  try {
    session = await createSessionOn(
      e2eSite(),
      title,
      'Ada Tutor',
      [{ name: 'Lee Learner', role: 'Student' }],
      tutorContext,
    );
    const reviewer = await organisation.inviteStaff('reviewer', 'Rae Reviewer');
    await reviewerContext.addCookies((await reviewer.api.storageState()).cookies);
  } finally {
    await organisation.dispose();
  }

  // The two bots take their seats as the product hands them out: POST /api/join with the seat's link.
  const takeSeat = async (link: string) => {
    const res = await request.post(`${baseUrl}/api/join`, { data: { inviteToken: tokenOf(link) } });
    expect(res.status()).toBe(200);
    return (await res.json()) as {
      livekitUrl: string;
      token: string;
      roomName: string;
      identity: string;
      preview: { sessionId: string; talkTimeNotice?: string };
    };
  };
  const tutorSeat = await takeSeat(session.tutorUrl);
  const learnerSeat = await takeSeat(session.inviteUrls['Lee Learner'] ?? '');
  const { sessionId } = tutorSeat.preview;
  const roomName = tutorSeat.roomName;
  expect(tutorSeat.preview.talkTimeNotice).toContain('measured from sound levels');

  const tutorRoom = nodeRoom();
  const learnerRoom = nodeRoom();
  await tutorRoom.connect(tutorSeat.livekitUrl, tutorSeat.token, { autoSubscribe: false, dynacast: false });
  await learnerRoom.connect(learnerSeat.livekitUrl, learnerSeat.token, {
    autoSubscribe: false,
    dynacast: false,
  });
  const tutorMic = await microphoneOf(tutorRoom);
  const learnerMic = await microphoneOf(learnerRoom);

  // The server's observer attaches once a seat has joined (LiveKit's webhook), hidden.
  await expect.poll(() => observationsOf(sessionId).length, { timeout: 20_000 }).toBe(1);
  const observerIdentity = observationsOf(sessionId)[0]?.observer ?? '';
  await expect
    .poll(async () => (await rooms.listParticipants(roomName)).some((p) => p.identity === observerIdentity), {
      timeout: 20_000,
    })
    .toBe(true);
  const inLiveKit = (await rooms.listParticipants(roomName)).find((p) => p.identity === observerIdentity);
  expect(inLiveKit?.permission?.hidden).toBe(true);
  expect(inLiveKit?.permission?.recorder).toBe(false);
  expect(inLiveKit?.permission?.canPublish).toBe(false);
  expect(inLiveKit?.tracks).toEqual([]);

  const observerPage = await reviewerContext.newPage();
  await observerPage.goto('/', { waitUntil: 'networkidle' });
  const live = observerPage.getByRole('region', { name: 'Live sessions' });
  const item = live.getByRole('listitem').filter({ has: observerPage.getByRole('heading', { name: title }) });
  await item.getByRole('button', { name: 'Observe' }).click();
  await observerPage.getByRole('button', { name: 'Join session' }).click();
  await expect(observerPage.getByRole('button', { name: 'Leave' })).toBeVisible();
  await expect(observerPage.getByText('Talk time measured', { exact: true })).toBeVisible();

  // LiveKit's own word on recording, sampled all through the speech.
  const recordingSeen: boolean[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [info] = await rooms.listRooms([roomName]);
      recordingSeen.push(info?.activeRecording === true);
      await new Promise((r) => setTimeout(r, 500));
    }
  })();

  await Promise.all([tutorMic.play(tutorWav), learnerMic.play(learnerWav)]);
  // The last speaker update (silence) reaches the observer within a few hundred milliseconds.
  await new Promise((r) => setTimeout(r, 2000));

  // The browser's participant list: the tutor, the learner and the reviewer, never the observer.
  const tiles = observerPage.locator('.lk-participant-tile');
  await expect(tiles).toHaveCount(3);
  // None of them is the observer, named "Talk time" in LiveKit.
  await expect(tiles.filter({ hasText: 'Talk time' })).toHaveCount(0);
  await screenshotBothSizes(observerPage, 'talk-time-measured');
  // The call's own list of people agrees: three, and the observer is not one of them.
  await observerPage.getByRole('button', { name: 'People' }).click();
  const people = observerPage.getByRole('region', { name: 'People in the call' }).getByRole('listitem');
  await expect(people).toHaveCount(3);
  await expect(people.filter({ hasText: 'Talk time' })).toHaveCount(0);
  sampling = false;
  await sampler;

  const seconds = talkSecondsByRole(sessionId);
  const tutor = seconds.tutor ?? 0;
  const learner = seconds.student ?? 0;
  const measuredShare = (100 * learner) / (tutor + learner);
  console.log(
    `talk time: tutor ${tutor.toFixed(2)} s (truth ${spoken(tutorTurns)}), learner ${learner.toFixed(2)} s (truth ${spoken(learnerTurns)}); learner share ${measuredShare.toFixed(2)} % vs truth ${truthShare.toFixed(2)} %`,
  );
  expect(Math.abs(measuredShare - truthShare)).toBeLessThanOrEqual(3);
  // The same numbers as the tutor reads them: GET /api/sessions/:id/insights.
  const insights = await tutorContext.request.get(`${baseUrl}/api/sessions/${sessionId}/insights`);
  expect(insights.status()).toBe(200);
  const read = (await insights.json()) as { measured: boolean; learnerSharePercent: number | null };
  console.log(`talk time through the insights API: learner share ${read.learnerSharePercent} %`);
  expect(read.measured).toBe(true);
  expect(Math.abs((read.learnerSharePercent ?? -100) - truthShare)).toBeLessThanOrEqual(3);
  // The tutor's page shows it: heading "Talk time", and a table with the same numbers as the chart.
  const insightsPage = await tutorContext.newPage();
  await insightsPage.goto(`${baseUrl}/sessions/${sessionId}/insights`);
  await expect(insightsPage.getByRole('heading', { name: 'Talk time', level: 1 })).toBeVisible();
  const learnersRow = insightsPage
    .getByRole('table', { name: 'Talk time in numbers' })
    .getByRole('row', { name: /^Learners/ });
  await expect(learnersRow).toContainText(`(${Math.round(read.learnerSharePercent ?? -100)} %)`);
  const shown = Number((await learnersRow.innerText()).match(/\((\d+) %\)/)?.[1] ?? -100);
  expect(Math.abs(shown - truthShare)).toBeLessThanOrEqual(3);
  await expect(insightsPage.getByRole('table', { name: 'Talk time of each person' })).toContainText(
    'Lee Learner',
  );
  // The charts beside the tables are drawn (uPlot, on canvas): each has a canvas with something on it.
  for (const chart of ['share-meter', 'talk-timeline']) {
    const canvas = insightsPage.getByTestId(chart).locator('canvas');
    await expect(canvas).toHaveCount(1);
    const inked = await canvas.evaluate((element: HTMLCanvasElement) => {
      const pixels = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? [];
      let count = 0;
      for (let alpha = 3; alpha < pixels.length; alpha += 4) if ((pixels[alpha] ?? 0) > 0) count++;
      return count;
    });
    expect(inked, `${chart} is drawn`).toBeGreaterThan(500);
  }
  await expectAccessible(insightsPage, 'talk-time-page');
  await screenshotBothSizes(insightsPage, 'talk-time');
  expect(recordingSeen.length).toBeGreaterThan(20);
  expect(recordingSeen.every((on) => on === false)).toBe(true);

  // Everyone leaves: the observer leaves too (its observation ends) and LiveKit closes the room, which a
  // standard participant left behind would keep open.
  await tutorRoom.disconnect();
  await learnerRoom.disconnect();
  await reviewerContext.close();
  await tutorContext.close();
  await expect.poll(() => observationsOf(sessionId)[0]?.ended ?? null, { timeout: 30_000 }).not.toBeNull();
  await expect
    .poll(async () => (await rooms.listRooms([roomName])).length, { timeout: 90_000, intervals: [2000] })
    .toBe(0);
});
