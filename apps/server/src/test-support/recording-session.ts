/** A sample session with its people's tokens and identities, and helpers to drive consent through the API. */
import { randomUUID } from 'node:crypto';
import type { ConsentCommandResponse, SessionRole } from '@assent/shared';
import { participantJoined, participantLeft } from '../consent/livekit-news';
import { buildSession, type SessionSpec, sampleSpec, seatsOf } from './organisation';
import type { TestApp } from './test-app';

export interface SessionPerson {
  personId: string;
  role: SessionRole;
  token: string;
  identity: string;
}

export interface RecordingSession {
  sessionId: string;
  roomName: string;
  tutor: SessionPerson;
  student: SessionPerson;
  guardian: SessionPerson;
  everyone: SessionPerson[];
}

/** Builds the spec's people and creates its session as its tutor; its people in seat order, the tutor first. */
export async function createSessionFrom(
  t: TestApp,
  spec: SessionSpec,
): Promise<{
  sessionId: string;
  roomName: string;
  everyone: SessionPerson[];
  named: Record<string, SessionPerson>;
}> {
  const { created } = await buildSession(t, spec);
  const session = await t.db
    .selectFrom('sessions')
    .select('room_name')
    .where('id', '=', created.sessionId)
    .executeTakeFirstOrThrow();
  const named: Record<string, SessionPerson> = {};
  const everyone = (await seatsOf(t, created.sessionId)).map((seat) => {
    const person = { personId: seat.personId, role: seat.role, token: seat.token, identity: seat.identity };
    named[seat.name] = person;
    return person;
  });
  return { sessionId: created.sessionId, roomName: session.room_name, everyone, named };
}

export async function createRecordingSession(t: TestApp): Promise<RecordingSession> {
  const { sessionId, roomName, everyone } = await createSessionFrom(t, sampleSpec);
  const [tutor, student, guardian] = everyone;
  if (!tutor || !student || !guardian) throw new Error('sample session has three people');
  return { sessionId, roomName, tutor, student, guardian, everyone };
}

export function command(t: TestApp, path: string, token: string | undefined, body: Record<string, unknown>) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'test-agent/1',
  };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return t.app.request(`/api/recording/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

export function get(t: TestApp, path: string, token: string | undefined) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return t.app.request(`/api/recording/${path}`, { headers });
}

/** Requests recording as the tutor; returns the new request id. */
export async function requestRecording(t: TestApp, s: RecordingSession, purpose = 'quality_assurance') {
  const res = await command(t, 'request', s.tutor.token, { clientRequestId: randomUUID(), purpose });
  if (res.status !== 200) throw new Error(`request failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as ConsentCommandResponse;
  if (!body.state.request) throw new Error('no request in state');
  return body.state.request.requestId;
}

export async function answer(
  t: TestApp,
  kind: 'consent' | 'decline' | 'withdraw' | 'cancel',
  person: SessionPerson,
  requestId: string,
  clientRequestId: string = randomUUID(),
) {
  return command(t, kind, person.token, { clientRequestId, requestId });
}

/**
 * The person joins the LiveKit room (as LiveKit would report it). `sid`: LiveKit's participant session,
 * for tests about a new session of the same identity (a reload, a rejoin).
 */
export async function joinRoom(
  t: TestApp,
  s: RecordingSession,
  identity: string,
  hidden = false,
  sid?: string,
) {
  const list = (t.roomService.rooms.get(s.roomName) ?? []).filter((p) => p.identity !== identity);
  const kind = hidden ? 'EGRESS' : 'STANDARD';
  const session = sid ? { sid } : {};
  t.roomService.rooms.set(s.roomName, [...list, { identity, name: identity, kind, hidden, ...session }]);
  await participantJoined(t.db, t.consent, s.sessionId, { identity, kind, hidden, ...session });
}

export async function leaveRoom(t: TestApp, s: RecordingSession, identity: string, sid?: string) {
  t.roomService.rooms.set(
    s.roomName,
    (t.roomService.rooms.get(s.roomName) ?? []).filter((p) => p.identity !== identity),
  );
  await participantLeft(t.db, t.consent, s.sessionId, identity, sid ? { sid } : {});
}

/** Everyone joins, the tutor requests and everyone consents; the fake egress is then started. */
export async function recordWithEveryone(t: TestApp, s: RecordingSession) {
  for (const person of s.everyone) await joinRoom(t, s, person.identity);
  const requestId = await requestRecording(t, s);
  for (const person of s.everyone) {
    const res = await answer(t, 'consent', person, requestId);
    if (res.status !== 200) throw new Error(`consent failed: ${res.status}`);
  }
  await t.consent.idle();
  const egressId = t.egress.running()[0];
  if (!egressId) throw new Error('no egress started');
  await t.consent.apply(s.sessionId, { type: 'egress_active', egressId });
  await t.consent.idle();
  return { requestId, egressId };
}

export async function stateOf(t: TestApp, s: RecordingSession, person: SessionPerson = s.tutor) {
  return (await (await get(t, 'state', person.token)).json()) as ConsentCommandResponse;
}
