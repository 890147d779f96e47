import { banner, consentDialog, requestRecording, startThreePersonCall } from '../fixtures/call';
import { e2ePorts } from '../fixtures/ports';
import { recorderHandlerPid, recorderSessionPids } from '../fixtures/recorder-processes';
import { livekitView, roomOf, statusOf } from '../fixtures/recording';
import { segmentStatus } from '../fixtures/segments';
import { expect, test } from '../fixtures/test';

const livekit = livekitView();

test('the recorder killed mid-recording: its segment is marked failed, nothing of it keeps running', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const call = await startThreePersonCall(browser, 'Recording — recorder crash');
  const roomName = await roomOf(request, `http://127.0.0.1:${e2ePorts.server}`, call.tokens.tutor);
  await requestRecording(call.tutor);
  for (const page of call.everyone) {
    await consentDialog(page).getByRole('button', { name: 'I consent', exact: true }).click();
  }
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 30_000 })
    .toEqual(['EGRESS_ACTIVE']);
  const [crashed] = await livekit.running(roomName);
  const egressId = crashed?.egressId ?? '';
  const handler = recorderHandlerPid(egressId);
  if (!handler) throw new Error(`no recording process for ${egressId}`);
  const processes = recorderSessionPids(handler);
  expect(processes.length).toBeGreaterThan(1);

  // Every process of the recording dies at once, as when its container is killed.
  for (const pid of processes) process.kill(pid, 'SIGKILL');
  const killedAt = Date.now();

  await expect
    .poll(async () => statusOf((await livekit.egress(egressId)) ?? (crashed as never)))
    .toBe('EGRESS_FAILED');
  await expect.poll(() => segmentStatus(egressId), { timeout: 15_000 }).toBe('EGRESS_FAILED');
  // Nothing of the dead recording lingers: no process, and its recorder is no longer in the room.
  await expect.poll(() => recorderSessionPids(handler)).toEqual([]);
  await expect
    .poll(() => livekit.participantIdentities(roomName), { timeout: 30_000 })
    .not.toContain(egressId);
  console.log(`recorder killed → its participant gone: ${Date.now() - killedAt} ms`);
  for (const running of await livekit.running(roomName)) expect(running.egressId).not.toBe(egressId);

  // Everyone still consents, so a new recorder takes over, and the banners say so.
  await expect
    .poll(async () => (await livekit.running(roomName)).map(statusOf), { timeout: 60_000 })
    .toEqual(['EGRESS_ACTIVE']);
  console.log(`recorder killed → new segment active: ${Date.now() - killedAt} ms`);
  for (const page of call.everyone) await expect(banner(page)).toContainText('Recording — ');
});
