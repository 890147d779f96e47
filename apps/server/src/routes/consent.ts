/**
 * Consent commands (rules 1, 4 and 6). Callers are identified by `Authorization: Bearer <invite token>`,
 * the token of their join link; the session and the person come from it, never from the body.
 */

import {
  ConsentCommandBody,
  type ConsentCommandKind,
  ConsentCommandResponse,
  type ConsentEvent,
  ConsentLogResponse,
  RecordingOptions,
  RequestRecordingBody,
  type TransitionResult,
} from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listConsentLog, type StoredConsent } from '../consent/consent-repository';
import type { LogEntryInput } from '../consent/consent-service';
import { inCallLog } from '../consent/in-call-log';
import { requestRecording } from '../consent/request-recording';
import { myDecision, recordingOptions } from '../consent/room-state';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { refuseDisabledSeat } from '../people/account-state';
import { call, can, seatActor } from '../people/can';
import { type ResolvedInvite, resolveInvite } from '../sessions/resolve-invite';
import { errorResponse, inviteAuth, json } from './error-responses';

const authErrors = {
  401: errorResponse('unauthorized: no bearer token; invite_invalid: not an invite we signed'),
  404: errorResponse('not_found: the session or person no longer exists'),
  410: errorResponse('invite_expired: the invite link has expired'),
};
const commandErrors = {
  400: errorResponse('validation_failed or purpose_not_allowed'),
  ...authErrors,
  403: errorResponse('forbidden: only the tutor may request or cancel'),
  409: errorResponse(
    "request_stale: not the current request or it was closed; conflict: already answered; request_cooling_down: someone said no and the policy's cool-down has not passed; recording_refused_by_preference: someone in the session asked never to be recorded; purpose_unknown: the request's policy version does not list its purpose",
  ),
};

const getOptions = createRoute({
  method: 'get',
  path: '/recording/options',
  tags: ['recording'],
  summary: "The organisation's allowed purposes, who may watch and how long recordings are kept",
  responses: { 200: { description: 'Recording options', content: json(RecordingOptions) } },
});

const getState = createRoute({
  method: 'get',
  path: '/recording/state',
  tags: ['recording'],
  summary: "The session's recording state and the caller's own decision",
  ...inviteAuth,
  responses: { 200: { description: 'State', content: json(ConsentCommandResponse) }, ...authErrors },
});

const getLog = createRoute({
  method: 'get',
  path: '/recording/log',
  tags: ['recording'],
  summary:
    "The consent log in the call: everyone sees their own entries; the tutor also the session's requests and cancels, and everyone else's answers only as counts",
  ...inviteAuth,
  responses: { 200: { description: 'Consent log', content: json(ConsentLogResponse) }, ...authErrors },
});

const postRequest = createRoute({
  method: 'post',
  path: '/recording/request',
  tags: ['recording'],
  summary: 'Ask everyone to consent to recording for an allowed purpose (tutor only)',
  ...inviteAuth,
  request: { body: { required: true, content: json(RequestRecordingBody) } },
  responses: { 200: { description: 'Requested', content: json(ConsentCommandResponse) }, ...commandErrors },
});

type AnswerKind = Exclude<ConsentCommandKind, 'request'>;

const answerRoute = <P extends `/recording/${AnswerKind}`>(path: P, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['recording'],
    summary,
    ...inviteAuth,
    request: { body: { required: true, content: json(ConsentCommandBody) } },
    responses: { 200: { description: 'Applied', content: json(ConsentCommandResponse) }, ...commandErrors },
  });

async function caller(c: Context<AppEnv>, options: { sayingNo?: boolean } = {}): Promise<ResolvedInvite> {
  const header = c.req.header('Authorization');
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
  const { config, db, now } = c.var.deps;
  // Someone still in the call after their invite expired, or after their link was replaced, can always
  // decline, withdraw and see the state.
  const invite = await resolveInvite(db, config.inviteSecret, token, now(), {
    allowExpired: options.sayingNo === true,
    allowReplaced: options.sayingNo === true,
  });
  // A disabled account may still say no, never yes.
  if (!options.sayingNo) await refuseDisabledSeat(db, invite.person);
  return invite;
}

async function respond(
  c: Context<AppEnv>,
  stored: StoredConsent,
  personId: string,
): Promise<ConsentCommandResponse> {
  return {
    state: await c.var.deps.consent.liveState(stored),
    myDecision: myDecision(stored.state, personId),
  };
}

/** The machine's refusals of an answer, as API errors (thrown inside the transaction: nothing is written). */
function refuse(result: TransitionResult): void {
  switch (result.ignored) {
    case 'no_request':
    case 'stale_request':
      throw new AppError(409, 'request_stale', 'That recording request is not the current one.');
    case 'request_closed':
      throw new AppError(409, 'request_stale', 'That recording request was closed; a new one is needed.');
    case 'decision_final':
      throw new AppError(409, 'conflict', 'You already answered this request.');
  }
}

const userAgent = (c: Context<AppEnv>) => c.req.header('user-agent')?.slice(0, 300) ?? null;

function logInput(
  c: Context<AppEnv>,
  { person }: ResolvedInvite,
  clientRequestId: string,
  kind: ConsentCommandKind,
  request: { requestId: string; purpose: string; noticeVersion: string },
): LogEntryInput {
  return {
    personId: person.id,
    personName: person.name,
    role: person.role,
    kind,
    requestId: request.requestId,
    purpose: request.purpose,
    noticeVersion: request.noticeVersion,
    clientRequestId,
    userAgent: userAgent(c),
  };
}

const commandGroup = (kind: ConsentCommandKind) => (kind === 'withdraw' || kind === 'decline' ? 'no' : kind);

function answerEvent(kind: AnswerKind, requestId: string, personId: string): ConsentEvent {
  return kind === 'cancel' ? { type: 'cancel', requestId } : { type: kind, requestId, personId };
}

/**
 * A yes is only to terms a prompt stated: a request whose purpose its policy version does not list has
 * no viewers or retention to state, so consenting to it is refused (a no is always taken).
 */
async function requireStatedTerms(c: Context<AppEnv>, sessionId: string, requestId: string) {
  const { consent } = c.var.deps;
  const request = (await consent.read(sessionId))?.state.request;
  // Another request, or none: the machine refuses it as stale.
  if (!request || request.requestId !== requestId) return;
  if (await consent.policies.termsFor(request)) return;
  throw new AppError(
    409,
    'purpose_unknown',
    `The policy this request was made under does not list its purpose “${request.purpose}”, so who may watch and how long it is kept are not known. Ask the tutor for a new request.`,
  );
}

/** consent / decline / withdraw / cancel share one handler. */
async function answer(c: Context<AppEnv>, kind: AnswerKind, body: ConsentCommandBody) {
  const invite = await caller(c, { sayingNo: kind === 'decline' || kind === 'withdraw' });
  const { person, session } = invite;
  if (kind === 'cancel' && !can(seatActor(person), 'call.cancel_request', call)) {
    throw new AppError(403, 'forbidden', 'Only the tutor can cancel a recording request.');
  }
  if (kind === 'consent') await requireStatedTerms(c, session.id, body.requestId);
  const applied = await c.var.deps.consent.apply(session.id, answerEvent(kind, body.requestId, person.id), {
    idempotencyKey: {
      personId: person.id,
      clientRequestId: body.clientRequestId,
      // A no is logged as decline or withdraw by what came before it: either is the same command repeated.
      sameCommand: (previous) =>
        previous.requestId === body.requestId && commandGroup(previous.kind) === commandGroup(kind),
    },
    decide: (result, before) => {
      refuse(result);
      if (result.ignored || !before.request) return undefined;
      // Saying no after a yes is a withdrawal, before any yes a decline: log what it really was.
      const decision = result.state.request?.decisions[person.id];
      const logged: ConsentCommandKind =
        kind === 'cancel' || kind === 'consent' ? kind : decision === 'withdrawn' ? 'withdraw' : 'decline';
      return logInput(c, invite, body.clientRequestId, logged, before.request);
    },
  });
  return respond(c, applied.stored, person.id);
}

export const recordingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getOptions, async (c) =>
    c.json(recordingOptions(await c.var.deps.consent.policies.current()), 200),
  )
  .openapi(getState, async (c) => {
    const { person, session } = await caller(c, { sayingNo: true });
    const stored = await c.var.deps.consent.read(session.id);
    if (!stored) throw new AppError(404, 'not_found', 'This session no longer exists.');
    return c.json(await respond(c, stored, person.id), 200);
  })
  .openapi(getLog, async (c) => {
    const { person, session } = await caller(c);
    const wholeSession = can(seatActor(person), 'call.read_session_log', call);
    const records = await listConsentLog(c.var.deps.db, session.id, wholeSession ? undefined : person.id);
    return c.json(inCallLog(records, person.id, wholeSession), 200);
  })
  .openapi(postRequest, async (c) => {
    const invite = await caller(c);
    const { clientRequestId, purpose } = c.req.valid('json');
    const stored = await requestRecording(c.var.deps, invite, {
      purpose,
      clientRequestId,
      userAgent: userAgent(c),
    });
    return c.json(await respond(c, stored, invite.person.id), 200);
  })
  .openapi(answerRoute('/recording/consent', 'Consent to the current request'), async (c) =>
    c.json(await answer(c, 'consent', c.req.valid('json')), 200),
  )
  .openapi(answerRoute('/recording/decline', 'Decline the current request'), async (c) =>
    c.json(await answer(c, 'decline', c.req.valid('json')), 200),
  )
  .openapi(answerRoute('/recording/withdraw', 'Withdraw consent: stops any recording at once'), async (c) =>
    c.json(await answer(c, 'withdraw', c.req.valid('json')), 200),
  )
  .openapi(answerRoute('/recording/cancel', 'Cancel the current request (tutor only)'), async (c) =>
    c.json(await answer(c, 'cancel', c.req.valid('json')), 200),
  );
