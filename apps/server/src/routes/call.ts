/**
 * The tutor running the call: mute someone, remove them (and let them back in), end the session for
 * everyone. Callers are identified like the consent commands: `Authorization: Bearer <invite token>`.
 */
import {
  EndSessionResponse,
  MuteParticipantBody,
  MuteParticipantResponse,
  RaiseHandBody,
  RaiseHandResponse,
  RemovedSeatList,
  SeatActionBody,
  SeatActionResponse,
} from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { endSession } from '../call/end-session';
import { muteParticipant } from '../call/mute-participant';
import { raiseHand } from '../call/raise-hand';
import { readmitParticipant, removeParticipant } from '../call/remove-participant';
import { authorizeRoomControl } from '../call/room-control';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { refuseDisabledSeat } from '../people/account-state';
import { resolveInvite } from '../sessions/resolve-invite';
import { errorResponse, inviteAuth, json } from './error-responses';

const errors = {
  400: errorResponse('validation_failed'),
  401: errorResponse('unauthorized: no bearer token; invite_invalid: not an invite we signed'),
  403: errorResponse('forbidden: only the tutor (or an admin present) runs the call'),
  404: errorResponse('not_found: no such session or person'),
  409: errorResponse("conflict: the tutor's own seat; not_in_call: they are not in the call now"),
  410: errorResponse('invite_expired: the invite link has expired'),
};

const muteRoute = createRoute({
  method: 'post',
  path: '/call/mute',
  tags: ['call'],
  summary: "Turn off someone's microphone, camera or screen share (they are told)",
  ...inviteAuth,
  request: { body: { required: true, content: json(MuteParticipantBody) } },
  responses: { 200: { description: 'Muted', content: json(MuteParticipantResponse) }, ...errors },
});
const removeRoute = createRoute({
  method: 'post',
  path: '/call/remove',
  tags: ['call'],
  summary: 'Remove someone from the call; they may rejoin only once let back in',
  ...inviteAuth,
  request: { body: { required: true, content: json(SeatActionBody) } },
  responses: { 200: { description: 'Removed', content: json(SeatActionResponse) }, ...errors },
});
const readmitRoute = createRoute({
  method: 'post',
  path: '/call/readmit',
  tags: ['call'],
  summary: 'Let someone removed from the call back in',
  ...inviteAuth,
  request: { body: { required: true, content: json(SeatActionBody) } },
  responses: { 200: { description: 'Let back in', content: json(SeatActionResponse) }, ...errors },
});
const removedRoute = createRoute({
  method: 'get',
  path: '/call/removed',
  tags: ['call'],
  summary: 'Who the tutor removed from the call and has not let back in',
  ...inviteAuth,
  responses: { 200: { description: 'Removed seats', content: json(RemovedSeatList) }, ...errors },
});
const endRoute = createRoute({
  method: 'post',
  path: '/call/end',
  tags: ['call'],
  summary: 'End the session for everyone: any recording stops first, then the room closes',
  ...inviteAuth,
  responses: { 200: { description: 'Ended', content: json(EndSessionResponse) }, ...errors },
});
const handRoute = createRoute({
  method: 'post',
  path: '/call/hand',
  tags: ['call'],
  summary: "Raise or lower one's own hand; everyone in the call sees it, the tutor in order",
  ...inviteAuth,
  request: { body: { required: true, content: json(RaiseHandBody) } },
  responses: { 200: { description: 'Hand raised or lowered', content: json(RaiseHandResponse) }, ...errors },
});

async function seatOf(c: Context<AppEnv>) {
  const token = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
  const { config, db, now } = c.var.deps;
  const invite = await resolveInvite(db, config.inviteSecret, token, now());
  await refuseDisabledSeat(db, invite.person);
  return invite;
}

export const callRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(muteRoute, async (c) => {
    const invite = await seatOf(c);
    return c.json(await muteParticipant(c.var.deps, invite, c.req.valid('json')), 200);
  })
  .openapi(removeRoute, async (c) => {
    const invite = await seatOf(c);
    const { personId } = c.req.valid('json');
    await removeParticipant(c.var.deps, invite, personId);
    return c.json({ personId, removed: true }, 200);
  })
  .openapi(readmitRoute, async (c) => {
    const invite = await seatOf(c);
    const { personId } = c.req.valid('json');
    await readmitParticipant(c.var.deps, invite, personId);
    return c.json({ personId, removed: false }, 200);
  })
  .openapi(removedRoute, async (c) => {
    const invite = await seatOf(c);
    await authorizeRoomControl(c.var.deps, invite, 'call.readmit_participant');
    const rows = await c.var.deps.db
      .selectFrom('people')
      .select(['id', 'name', 'role'])
      .where('session_id', '=', invite.session.id)
      .where('removed_at', 'is not', null)
      .orderBy('position')
      .execute();
    return c.json({ people: rows.map((r) => ({ personId: r.id, name: r.name, role: r.role })) }, 200);
  })
  .openapi(handRoute, async (c) => {
    const invite = await seatOf(c);
    return c.json(await raiseHand(c.var.deps, invite, c.req.valid('json').raised), 200);
  })
  .openapi(endRoute, async (c) => {
    const invite = await seatOf(c);
    const userAgent = c.req.header('user-agent')?.slice(0, 300) ?? null;
    return c.json(await endSession(c.var.deps, invite, userAgent), 200);
  });
