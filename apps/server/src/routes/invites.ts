import { type ConsentState, InvitePreview, InviteToken, JoinRequest, JoinResponse } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { mayOnBoard } from '../board/board-permission';
import { isLive } from '../call/live-sessions';
import { isRemovedFromCall } from '../call/remove-participant';
import type { ConsentService } from '../consent/consent-service';
import { mayPublishOnJoining } from '../consent/publish-permission';
import { recordingActive } from '../consent/room-state';
import { shareGranted } from '../consent/share-permission';
import type { Db } from '../db/database';
import type { AppDeps, AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { mintParticipantToken } from '../livekit/tokens';
import { validationHook } from '../middleware/error-handling';
import { refuseDisabledSeat } from '../people/account-state';
import { talkTimeNotice } from '../policy/policy-facts';
import { minorsInCall } from '../presence/guardian-presence-repository';
import { joinRefusal } from '../sessions/join-gate';
import { joinWindowRefusal } from '../sessions/join-window';
import { type ResolvedInvite, resolveInvite } from '../sessions/resolve-invite';
import { findSessionTime } from '../sessions/schedule-repository';
import { listStudentNamesOfGuardian } from '../sessions/session-repository';
import { errorResponse } from './error-responses';

const inviteErrors = {
  400: errorResponse('The request is not valid'),
  401: errorResponse('invite_invalid: not an invite we signed'),
  403: errorResponse(
    'guardian_agreement_missing: a minor whose guardian has not registered and agreed; removed_from_call: the tutor removed this seat and has not let it back in; join_not_open: a scheduled session outside its join window (details.opensAt says when it opens)',
  ),
  404: errorResponse('not_found: the session or person no longer exists'),
  410: errorResponse(
    'invite_expired: the invite link has expired; session_cancelled: this occurrence was cancelled',
  ),
};

const getInvite = createRoute({
  method: 'get',
  path: '/invites/{token}',
  tags: ['invites'],
  summary: 'What the join page shows before the person enters',
  request: { params: z.object({ token: InviteToken }) },
  responses: {
    200: { description: 'Invite preview', content: { 'application/json': { schema: InvitePreview } } },
    ...inviteErrors,
  },
});

const join = createRoute({
  method: 'post',
  path: '/join',
  tags: ['invites'],
  summary: 'Exchange an invite for a short-lived LiveKit token for this one room',
  request: { body: { required: true, content: { 'application/json': { schema: JoinRequest } } } },
  responses: {
    200: {
      description: 'LiveKit connection details',
      content: { 'application/json': { schema: JoinResponse } },
    },
    ...inviteErrors,
  },
});

/** What the join page shows, for the invite's person: who they are, whose consent theirs counts with. */
async function previewOf(
  deps: Pick<AppDeps, 'db' | 'consent'>,
  invite: ResolvedInvite,
  consentState: ConsentState | undefined | Promise<ConsentState | undefined>,
): Promise<InvitePreview> {
  const { session, person, expiresAt } = invite;
  const [state, consentsFor, policy] = await Promise.all([
    consentState,
    person.role === 'guardian' ? listStudentNamesOfGuardian(deps.db, person.id) : [],
    deps.consent.policies.current(),
  ]);
  const active = state ? recordingActive(state) : false;
  return {
    sessionId: session.id,
    sessionTitle: session.title,
    personId: person.id,
    name: person.name,
    role: person.role,
    minor: person.minor,
    // Rule 3, told to the people it concerns: whom a guardian answers for, and that a minor needs one.
    consentsFor,
    needsGuardian: person.role === 'student' && person.minor,
    expiresAt: expiresAt.toISOString(),
    // Rule 5: the pre-join screen says whether recording is on now.
    recording: { active },
    // The notice of the policy in force; a request shows the notice of the version it was made under.
    notice: { version: policy.noticeVersion, text: policy.policy.noticeText },
    chatKeptDays: policy.policy.chatRetentionDays,
    talkTimeNotice: talkTimeNotice(policy.policy),
  };
}

async function refuseUnlessAllowed(
  { db, consent, now }: { db: Db; consent: ConsentService; now: () => Date },
  { person, session }: ResolvedInvite,
): Promise<void> {
  // A scheduled session opens for joining shortly before its start and closes after its end; a
  // cancelled one is gone. Someone already in a call still running may come back (reconnects).
  const time = await findSessionTime(db, session.id);
  if (time) {
    const { policy } = await consent.policies.current();
    const outside = await joinWindowRefusal(time, policy, now(), () => isLive(db, session.id));
    if (outside) throw outside;
  }
  await refuseDisabledSeat(db, person);
  if (await isRemovedFromCall(db, person.id)) {
    throw new AppError(
      403,
      'removed_from_call',
      'The tutor removed you from this call. You can join again once they let you back in.',
    );
  }
  const refusal = await joinRefusal(db, consent.policies, person);
  if (refusal) throw new AppError(403, 'guardian_agreement_missing', refusal);
}

/** The policy in force lets students share their screen from the start of a call. */
async function studentsMayShare(deps: AppDeps): Promise<boolean> {
  return (await deps.consent.policies.current()).policy.studentsMayShare;
}

async function readState(consent: ConsentService, { session }: ResolvedInvite) {
  return (await consent.read(session.id))?.state;
}

export const inviteRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getInvite, async (c) => {
    const { config, db, now } = c.var.deps;
    const invite = await resolveInvite(db, config.inviteSecret, c.req.valid('param').token, now());
    await refuseUnlessAllowed(c.var.deps, invite);
    return c.json(await previewOf(c.var.deps, invite, readState(c.var.deps.consent, invite)), 200);
  })
  .openapi(join, async (c) => {
    const { config, db, now } = c.var.deps;
    const invite = await resolveInvite(db, config.inviteSecret, c.req.valid('json').inviteToken, now());
    await refuseUnlessAllowed(c.var.deps, invite);
    const { session, person } = invite;
    const consentState = await readState(c.var.deps.consent, invite);
    // Rule 5: joining a recording without having consented, nothing of theirs may reach it. A new
    // participant session is a new presence: a yes from an earlier one (still open until LiveKit notices it
    // ended) does not carry over, so the grant comes only once the server sees them consent.
    const canPublish = consentState ? mayPublishOnJoining(consentState, person.id) : true;
    const token = await mintParticipantToken(config.livekit, {
      roomName: session.roomName,
      identity: person.livekitIdentity,
      name: person.name,
      role: person.role,
      personId: person.id,
      canPublish,
      // LiveKit refuses a screen share from anyone else: the tutor's seat shares; students when the policy
      // lets them from the start, or once the tutor has (consent/share-permission.ts), across reloads.
      mayShare:
        person.role === 'tutor' ||
        (person.role === 'student' && (await studentsMayShare(c.var.deps))) ||
        (await shareGranted(db, person.id)),
    });
    c.var.logger.info({ sessionId: session.id, personId: person.id }, 'participant token issued');
    return c.json(
      {
        livekitUrl: config.livekit.url,
        token,
        identity: person.livekitIdentity,
        roomName: session.roomName,
        canPublish,
        preview: await previewOf(c.var.deps, invite, consentState),
        // VTO: the host is told while no guardian of a child in the room is there; nobody else.
        ...(person.role === 'tutor' ? { minors: await minorsInCall(db, session.id) } : {}),
        runsBoard: await mayOnBoard(db, person, 'call.open_board'),
      },
      200,
    );
  });
