/**
 * Transcripts on the real stack: a tutor and two adult learners (`@livekit/rtc-node` bots on real seats)
 * say known sentences in turns (espeak-ng), recorded by real egress with everyone's consent given through
 * the consent API. Once the recording is stored the faster-whisper worker transcribes it: every line is
 * credited to the person who said it (talk-time stretches placed from when the file really began), the
 * words are the sentences said (word error rate), and the tutor's recording page shows, searches and
 * seeks by them. Retention then destroys the recording (the clock moved past its end by the operator
 * command) while its transcript, a class of its own kept longer, and the session's talk time stay. Then a
 * learner withdraws under the organisation's "erase" rule: the transcript goes too. Each destruction has
 * its deletion record, and the talk time outlives them all.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  OrganisationPolicy,
  RecordingOptions,
  RecordingTranscript,
  SessionInsights,
} from '@assent/shared';
import { wordErrorRate } from '../../apps/server/src/transcripts/word-error-rate';
import { conversationWavs, inTurns, type SpokenTurn } from '../fixtures/conversation';
import { expect, test } from '../fixtures/node-participant';
import { openOrganisation } from '../fixtures/organisation';
import { egressComplete, livekit, pageFor, setPolicy, tokenOf } from '../fixtures/recorded-call';
import { statusOf } from '../fixtures/recording';
import { expectAccessible, screenshotBothSizes } from '../fixtures/screens';
import { microphoneOf, talkStretchesOf } from '../fixtures/talk-time';
import {
  deletionRecordsOf,
  recordingOfEgress,
  recordingsOfSession,
  runVaultCommand,
  transcriptOf,
  vaultFiles,
} from '../fixtures/vault';

const title = 'Fractions — transcript';
const names = { tutor: 'Ada Tutor', lee: 'Lee Learner', mo: 'Mo Learner' } as const;
type Speaker = keyof typeof names;

// What each person says, in turns: the tutor first, then Lee, then Mo, twice round (about 20 s of speech).
const spokenSentences: Record<Speaker, string[]> = {
  tutor: ['Today we are going to learn about fractions.', 'Imagine a pizza cut into equal slices.'],
  lee: ['A fraction is a part of a whole thing.', 'Then each slice is a fraction of the pizza.'],
  mo: ['Could you please show us an example?', 'That makes sense to me now, thank you.'],
};
const voices: Record<Speaker, string> = { tutor: 'en-us', lee: 'en-us+f3', mo: 'en-us+m3' };

interface Seat {
  livekitUrl: string;
  token: string;
  roomName: string;
  preview: { sessionId: string };
}

/** The turn a transcript line says: the sentence nearest to it in words. */
const turnOf = (spoken: readonly SpokenTurn[], text: string) =>
  spoken.reduce((best, turn) =>
    wordErrorRate(turn.sentence, text) < wordErrorRate(best.sentence, text) ? turn : best,
  );

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

test('every transcript line is credited to who said it; retention takes the recording, a withdrawal the transcript, and talk time outlives both', async ({
  browser,
  request,
  nodeRoom,
}, testInfo) => {
  test.setTimeout(240_000);
  const began = Date.now();
  expect(
    process.env.ASSENT_TRANSCRIBER_PYTHON,
    'the stack makes transcripts only with the worker: export ASSENT_TRANSCRIBER_PYTHON=$(bash scripts/ensure-transcriber.sh)',
  ).toBeTruthy();
  const dir = mkdtempSync(join(tmpdir(), 'assent-transcript-'));
  const { wavs, spoken, total } = conversationWavs(dir, inTurns(spokenSentences, ['tutor', 'lee', 'mo']), {
    voices,
  });

  const organisation = openOrganisation();
  const admin = await organisation.admin();
  const before = ((await (await admin.api.get('/api/policy')).json()) as OrganisationPolicy).policy;
  // Transcripts on, and a withdrawal erases the session's recordings (NSPCC guidance).
  await setPolicy(admin, (p) => ({ ...p, transcriptsEnabled: true, withdrawalRule: 'erase' }));
  const rooms = [nodeRoom(), nodeRoom(), nodeRoom()] as const;
  try {
    const tutor = await organisation.inviteStaff('tutor', names.tutor);
    const created = await organisation.createSessionAsTutor(tutor, {
      title,
      students: [],
      guests: [names.lee, names.mo],
    });
    const links = await organisation.seatLinks(created, []);
    const invite = (who: Speaker) => tokenOf(links[names[who]] ?? '');

    // Each bot takes its seat as the product hands it out, and publishes a microphone.
    const seats: Record<Speaker, Seat> = {} as Record<Speaker, Seat>;
    const mics = [] as Array<Awaited<ReturnType<typeof microphoneOf>>>;
    for (const [room, who] of [
      [rooms[0], 'tutor'],
      [rooms[1], 'lee'],
      [rooms[2], 'mo'],
    ] as const) {
      const res = await request.post('/api/join', { data: { inviteToken: invite(who) } });
      expect(res.status()).toBe(200);
      seats[who] = (await res.json()) as Seat;
      await room.connect(seats[who].livekitUrl, seats[who].token, { autoSubscribe: false, dynacast: false });
      mics.push(await microphoneOf(room));
    }
    const { sessionId } = seats.tutor.preview;
    const roomName = seats.tutor.roomName;

    // Everyone consents through the consent API, each with their own invite as a Bearer token.
    const command = async (who: Speaker, kind: string, data: Record<string, string>) => {
      const res = await request.post(`/api/recording/${kind}`, {
        headers: { authorization: `Bearer ${invite(who)}` },
        data: { clientRequestId: randomUUID(), ...data },
      });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as { state: { request: { requestId: string } | null } };
    };
    const options = (await (await request.get('/api/recording/options')).json()) as RecordingOptions;
    const purpose = options.purposes[0]?.id ?? '';
    const asked = await command('tutor', 'request', { purpose });
    const requestId = asked.state.request?.requestId ?? '';
    for (const who of ['tutor', 'lee', 'mo'] as const) await command(who, 'consent', { requestId });
    await expect
      .poll(async () => (await livekit.running(roomName)).map(statusOf), {
        timeout: 45_000,
        intervals: [200],
      })
      .toEqual(['EGRESS_ACTIVE']);
    const [egress] = await livekit.running(roomName);
    const egressId = egress?.egressId ?? '';

    // The conversation, then the tutor stops the recording.
    const playedAt = Date.now();
    await Promise.all((['tutor', 'lee', 'mo'] as const).map((who, i) => mics[i]?.play(wavs[who] ?? '')));
    await command('tutor', 'cancel', { requestId });
    await egressComplete(egressId);
    await expect.poll(() => recordingOfEgress(egressId)?.status, { timeout: 30_000 }).toBe('stored');
    const recording = recordingOfEgress(egressId);
    const recordingId = recording?.id ?? '';
    const storedAt = Date.now();
    await expect
      .poll(() => transcriptOf(recordingId)?.status, { timeout: 90_000, intervals: [500] })
      .toBe('ready');
    const readyAfter = Date.now() - storedAt;

    // The tutor reads it through the API (their own session's recording; the reading is audited).
    const read = await tutor.api.get(`/api/recordings/${recordingId}/transcript`);
    expect(read.status()).toBe(200);
    const transcript = (await read.json()) as RecordingTranscript;
    expect(transcript.status).toBe('ready');
    const { lines } = transcript;
    const said = spoken.map((t) => t.sentence).join(' ');
    const heard = lines.map((l) => l.text).join(' ');
    const wer = wordErrorRate(said, heard);

    // Where each line lands on the wall clock, from egress's start (before) and from the file's (now),
    // against when its sentence was really played, and against the start of the stretch of talk the
    // observer measured for it (what attribution compares it with).
    const egressStart = Date.parse(recording?.started_at ?? '');
    const fileStart = Date.parse(recording?.media_started_at ?? '');
    const stretches = talkStretchesOf(sessionId);
    const placed = lines.map((line) => {
      const turn = turnOf(spoken, line.text);
      const truth = playedAt + turn.from * 1000;
      const at = fileStart + line.start * 1000;
      const stretch = stretches
        .filter((s) => s.name === names[turn.speaker as Speaker])
        .reduce<{ from: number } | undefined>(
          (best, s) => (best && Math.abs(best.from - at) <= Math.abs(s.from - at) ? best : s),
          undefined,
        );
      return {
        line: line.text,
        said: turn.sentence,
        by: names[turn.speaker as Speaker],
        credited: line.speaker?.name ?? null,
        fromEgressStart: seconds(egressStart + line.start * 1000 - truth),
        fromFileStart: seconds(at - truth),
        fromStretchStart: stretch ? seconds(at - stretch.from) : null,
      };
    });
    const report = {
      wordErrorRate: Number(wer.toFixed(3)),
      fileStartsAfterEgressStart: seconds(fileStart - egressStart),
      lines: placed,
      transcriptReadyMsAfterStored: readyAfter,
      speechSeconds: Number(spoken.reduce((s, t) => s + t.to - t.from, 0).toFixed(1)),
      playedSeconds: Number(total.toFixed(1)),
    };
    console.log(`transcript: ${JSON.stringify(report)}`);
    await testInfo.attach('transcript.json', { body: JSON.stringify(report, null, 2) });

    // Egress said when its file began, later than its own start (its browser loaded the layout first).
    expect(fileStart).toBeGreaterThan(egressStart);
    // The observer measured each person's talk (what attribution aligns the lines with).
    expect(new Set(stretches.map((s) => s.name)), 'talk stretches measured').toEqual(
      new Set(Object.values(names)),
    );
    // Every sentence was heard, every line credited to who said it.
    expect(new Set(placed.map((p) => p.said)).size).toBe(spoken.length);
    expect(placed.map((p) => p.credited)).toEqual(placed.map((p) => p.by));
    // Each sentence's first line (Whisper may split one in two) lands within a second and a half of when
    // it was played: what remains is the way from the bot to egress's browser (the SFU, the browser's
    // jitter buffer, PulseAudio), not the layout page's seconds.
    const opening = spoken.map((turn) => placed.find((p) => p.said === turn.sentence));
    for (const p of opening) expect(p?.fromFileStart).toBeGreaterThan(-1);
    for (const p of opening) expect(p?.fromFileStart).toBeLessThan(1.5);
    expect(wer).toBeLessThanOrEqual(0.2);

    // The tutor's recording page shows it: who said each line, a search that narrows, a line that seeks.
    const page = await pageFor(browser, tutor);
    await page.goto(`/recordings/${recordingId}`);
    await page.getByRole('button', { name: 'Show transcript' }).click();
    const shown = page.getByRole('list', { name: 'Transcript lines' }).getByRole('listitem');
    await expect(shown).toHaveCount(lines.length);
    for (const [index, p] of placed.entries()) await expect(shown.nth(index)).toContainText(`${p.by}:`);
    await page.getByLabel('Search transcript').fill('pizza');
    const withPizza = lines.filter((l) => /pizza/i.test(l.text));
    expect(withPizza.length).toBeGreaterThan(0);
    await expect(shown).toHaveCount(withPizza.length);
    await expect(shown.first().locator('mark')).toHaveText(/pizza/i);
    await screenshotBothSizes(page, 'transcript-search');
    await expectAccessible(page, 'transcript-panel');
    await shown.first().getByRole('button').click();
    const video = page.getByLabel(/^Recording of /);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
      .toBeGreaterThanOrEqual((withPizza[0]?.start ?? 0) - 0.1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeLessThan(
      (withPizza[0]?.start ?? 0) + 2,
    );
    await page.context().close();

    // Retention: the clock moved past the recording's end by the operator command. The media goes; the
    // transcript (kept 3 years by default, its own class) and the session's talk time stay.
    const talkBefore = talkStretchesOf(sessionId);
    const { retainUntil } = (await (await tutor.api.get(`/api/recordings/${recordingId}`)).json()) as {
      retainUntil: string;
    };
    const asOf = new Date(Date.parse(retainUntil) + 60_000).toISOString();
    expect(runVaultCommand(['sweep', '--as-of', asOf])).toMatch(/[1-9]\d* destroyed by retention/);
    expect(recordingOfEgress(egressId)?.status).toBe('destroyed');
    expect(transcriptOf(recordingId)?.status).toBe('ready');
    expect((await tutor.api.get(`/api/recordings/${recordingId}/transcript`)).status()).toBe(200);
    const talkOutlivesMedia = async () => {
      const kept = new Set(talkStretchesOf(sessionId).map((t) => `${t.name}@${t.from}`));
      for (const t of talkBefore) expect(kept.has(`${t.name}@${t.from}`), `${t.name}'s talk kept`).toBe(true);
      const insights = await tutor.api.get(`/api/sessions/${sessionId}/insights`);
      expect(insights.status()).toBe(200);
      const { speakers, measured } = (await insights.json()) as SessionInsights;
      expect(measured).toBe(true);
      for (const name of Object.values(names)) {
        expect(speakers.find((p) => p.name === name)?.seconds ?? 0, name).toBeGreaterThan(0);
      }
    };
    await talkOutlivesMedia();

    // Lee withdraws: asked again, Lee says yes, then no. Under "erase" what is left of the session's
    // earlier recording goes: its transcript. Nobody else said yes, so no egress starts.
    const again = await command('tutor', 'request', { purpose });
    const second = again.state.request?.requestId ?? '';
    await command('lee', 'consent', { requestId: second });
    await command('lee', 'withdraw', { requestId: second });
    await expect.poll(() => transcriptOf(recordingId)?.status, { timeout: 20_000 }).toBe('destroyed');
    expect(recordingsOfSession(sessionId).map((r) => r.status)).toEqual(['destroyed']);
    expect(await livekit.running(roomName)).toEqual([]);
    // Two deletion records: the recording's by retention, and its transcript's (named by the transcript's
    // id) citing Lee's withdrawal. The second request made nothing, so nothing else is destroyed.
    const transcriptId = transcriptOf(recordingId)?.id ?? '';
    const records = deletionRecordsOf(sessionId);
    console.log(`transcript deletion records: ${JSON.stringify(records.map((r) => r.reason))}`);
    expect(records.map((r) => `${r.recording_id} ${r.reason}`).sort()).toEqual(
      [`${recordingId} retention`, `${transcriptId} withdrawal`].sort(),
    );
    const erased = records.find((r) => r.reason === 'withdrawal');
    expect(erased?.detail.startsWith(`${names.lee} withdrew consent`)).toBe(true);
    await talkOutlivesMedia();
    expect(vaultFiles().filter((f) => f.includes(recordingId) || f.includes(transcriptId))).toEqual([]);
    expect((await tutor.api.get(`/api/recordings/${recordingId}/transcript`)).status()).toBe(404);
    console.log(`transcript journey: ${seconds(Date.now() - began)} s`);
  } finally {
    await Promise.all(rooms.map((room) => room.disconnect()));
    await setPolicy(admin, (p) => ({
      ...p,
      transcriptsEnabled: before.transcriptsEnabled,
      withdrawalRule: before.withdrawalRule,
    }));
    await organisation.dispose();
  }
});
