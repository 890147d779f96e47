/** The Assent HTTP API as a tutor's and invitees' devices use it: create a session, join, consent, withdraw. */
import type {
  ConsentCommandResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  JoinResponse,
  RecordingOptions,
  SessionRole,
} from '@assent/shared';

export interface Invitee {
  name: string;
  role: SessionRole;
  /** The signed token of the person's join link (also their Bearer token for consent commands). */
  inviteToken: string;
  joinUrl: string;
}

export interface BenchSession {
  sessionId: string;
  roomName: string;
  /** The tutor first. */
  people: Invitee[];
}

async function call<T>(
  baseUrl: string,
  path: string,
  init: { body?: unknown; token?: string; cookie?: string } = {},
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json', origin: baseUrl }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const tokenOf = (joinUrl: string) => decodeURIComponent(new URL(joinUrl).pathname.split('/').pop() ?? '');

/**
 * A session of `size` people: the signed-in tutor and adult guests (whose own consent counts alone), each
 * with a personal link. Each person's LiveKit room comes from POST /api/join with their invite token.
 */
export async function createBenchSession(
  baseUrl: string,
  tutorCookie: string,
  title: string,
  size: number,
): Promise<BenchSession> {
  const guests = Array.from({ length: size - 1 }, (_, n) => ({
    name: n === 0 ? 'Sam Student' : `Guest ${n}`,
  }));
  const body: CreateSessionRequest = { title, studentIds: [], guests };
  const created = await call<CreateSessionResponse>(baseUrl, '/api/sessions', { body, cookie: tutorCookie });
  const people = created.invites.map((invite) => ({
    name: invite.name,
    role: invite.role,
    inviteToken: tokenOf(invite.url),
    joinUrl: invite.url,
  }));
  const [tutor] = people;
  if (!tutor) throw new Error('the session has no tutor');
  const joined = await call<JoinResponse>(baseUrl, '/api/join', { body: { inviteToken: tutor.inviteToken } });
  return { sessionId: created.sessionId, roomName: joined.roomName, people };
}

/** The first purpose the organisation allows. */
export async function firstPurpose(baseUrl: string): Promise<string> {
  const options = await call<RecordingOptions>(baseUrl, '/api/recording/options');
  const purpose = options.purposes[0]?.id;
  if (!purpose) throw new Error('the organisation allows no recording purpose');
  return purpose;
}

/** The tutor asks for a recording; resolves with the new request's id. */
export async function requestRecording(baseUrl: string, tutor: Invitee, purpose: string): Promise<string> {
  const response = await call<ConsentCommandResponse>(baseUrl, '/api/recording/request', {
    body: { clientRequestId: crypto.randomUUID(), purpose },
    token: tutor.inviteToken,
  });
  const requestId = response.state.request?.requestId;
  if (!requestId) throw new Error('the request was not recorded');
  return requestId;
}

export function answer(
  baseUrl: string,
  kind: 'consent' | 'withdraw',
  person: Invitee,
  requestId: string,
): Promise<ConsentCommandResponse> {
  return call<ConsentCommandResponse>(baseUrl, `/api/recording/${kind}`, {
    body: { clientRequestId: crypto.randomUUID(), requestId },
    token: person.inviteToken,
  });
}
