/**
 * The tutor runs the room against the real stack: raised hands in order, mutes the student (LiveKit lists the track muted), removes
 * the guardian (gone from LiveKit's participants, refused on rejoining until let back in), and ends the
 * session for everyone (LiveKit closes the room; everyone's page says why).
 */
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { startThreePersonCall } from '../fixtures/call';
import { e2eLivekit } from '../fixtures/livekit-api';
import { e2ePorts } from '../fixtures/ports';
import { roomOf } from '../fixtures/recording';
import { screenshotBothSizes } from '../fixtures/screens';
import { expect, test } from '../fixtures/test';

const baseUrl = `http://127.0.0.1:${e2ePorts.server}`;

test('the tutor mutes, removes and lets back in, then ends the session for everyone', async ({
  browser,
  request,
}) => {
  const call = await startThreePersonCall(browser, 'Run the room');
  const roomName = await roomOf(request, baseUrl, call.tokens.tutor);
  const { url, apiKey, apiSecret } = e2eLivekit();
  const rooms = new RoomServiceClient(url, apiKey, apiSecret);
  const byName = async (name: string) =>
    (await rooms.listParticipants(roomName)).find((p) => p.name === name);
  const microphoneMuted = async (name: string) =>
    (await byName(name))?.tracks.find((t) => t.source === TrackSource.MICROPHONE)?.muted;
  await expect.poll(() => microphoneMuted('Sam Student'), { timeout: 15_000 }).toBe(false);

  const tutor = call.tutor;

  // Raise hand, through the server: LiveKit holds the time on the attributes; the order shows to the tutor.
  await call.student.getByRole('button', { name: 'Raise hand' }).click();
  await expect(call.student.getByRole('button', { name: 'Lower hand' })).toBeVisible();
  await call.guardian.getByRole('button', { name: 'Raise hand' }).click();
  const hands = tutor.getByRole('list', { name: 'Raised hands, first first' });
  await expect(hands.getByRole('listitem')).toHaveText(['Sam Student', 'Pat Parent']);
  expect((await byName('Sam Student'))?.attributes['assent.hand']).toMatch(/^\d{4}-/);
  await call.student.getByRole('button', { name: 'Lower hand' }).click();
  await expect(hands.getByRole('listitem')).toHaveText(['Pat Parent']);
  await call.guardian.getByRole('button', { name: 'Lower hand' }).click();
  await expect(hands).toBeHidden();
  await tutor.getByRole('button', { name: 'People' }).click();
  const panel = tutor.getByRole('region', { name: 'People in the call' });
  await expect(panel.getByRole('button', { name: 'Mute Sam Student' })).toBeVisible();
  await screenshotBothSizes(tutor, 'tutor-controls-panel');

  // Mute: LiveKit's own track list says so, and the student is told.
  await panel.getByRole('button', { name: 'Mute Sam Student' }).click();
  await expect.poll(() => microphoneMuted('Sam Student'), { timeout: 10_000 }).toBe(true);
  await expect(call.student.getByText('The tutor turned off your microphone.')).toBeVisible();

  // Remove: gone from LiveKit's participants, told why, and refused on rejoining until let back in.
  await panel.getByRole('button', { name: 'Remove Pat Parent' }).click();
  await expect.poll(async () => (await byName('Pat Parent')) === undefined, { timeout: 10_000 }).toBe(true);
  await expect(
    call.guardian.getByRole('heading', { name: 'The tutor removed you from the call' }),
  ).toBeVisible();
  await screenshotBothSizes(call.guardian, 'removed-from-call');
  const rejoin = await request.post(`${baseUrl}/api/join`, { data: { inviteToken: call.tokens.guardian } });
  expect(rejoin.status()).toBe(403);
  expect(((await rejoin.json()) as { error: { code: string } }).error.code).toBe('removed_from_call');
  await panel.getByRole('button', { name: 'Let Pat Parent back in' }).click();
  await expect(panel.getByText('Pat Parent can join again.')).toBeVisible();
  await call.guardian.getByRole('button', { name: 'Rejoin' }).click();
  await expect(call.guardian.getByRole('button', { name: 'Leave' })).toBeVisible();
  await expect.poll(async () => (await byName('Pat Parent')) !== undefined, { timeout: 10_000 }).toBe(true);

  // End for everyone: LiveKit has no such room any more; every page says the tutor ended it.
  tutor.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: 'End session for everyone' }).click();
  for (const page of [call.student, call.guardian]) {
    await expect(page.getByRole('heading', { name: 'The tutor ended the session' })).toBeVisible();
  }
  await expect.poll(async () => (await rooms.listRooms([roomName])).length, { timeout: 10_000 }).toBe(0);
  await screenshotBothSizes(call.student, 'session-ended');
});
