/**
 * Research sharing (Hearken: "additional explicit consent from all participants"; Schoolhouse: shared
 * de-identified, and people may opt out): each person's own yes or no per session, from the dashboard or
 * with their invite; admins see which sessions everyone agreed to and export those, pseudonymised.
 */
import {
  CallResearchConsentBody,
  MyResearchConsents,
  ResearchConsentBody,
  ResearchConsentState,
  ResearchExportCreated,
  ResearchOverview,
  ResearchSession,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { auditDenied } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { researchCandidates } from '../rights/research/research-candidates';
import {
  choicesOf,
  decideResearchSharing,
  guardianLinksOf,
  guardianSpeaksFor,
  myResearchSessions,
  researchSessionFor,
  type SeatChoice,
} from '../rights/research/research-consents';
import { prepareResearchDownload } from '../rights/research/research-download';
import {
  createResearchExport,
  findResearchExport,
  listResearchExports,
} from '../rights/research/research-exports';
import { resolveInvite } from '../sessions/resolve-invite';
import { findPersonInSession, listPeople, type Person } from '../sessions/session-repository';
import { cookieAuth, errorResponse, inviteAuth, json, signedInErrors } from './error-responses';

const SessionParams = z.object({ id: z.string().min(1).max(64) });
const ExportParams = z.object({ id: z.string().min(1).max(64) });

const myResearch = createRoute({
  method: 'get',
  path: '/me/research',
  tags: ['research'],
  summary: 'The seats the caller decides research sharing for, per session, with what each says now',
  ...cookieAuth,
  responses: {
    200: { description: 'Sessions and seats', content: json(MyResearchConsents) },
    401: errorResponse('unauthorized'),
  },
});

const putSeatConsent = createRoute({
  method: 'put',
  path: '/sessions/{id}/research-consent',
  tags: ['research'],
  summary: 'Agree to or refuse research sharing for a seat (your own, or a child’s as their guardian)',
  ...cookieAuth,
  request: { params: SessionParams, body: { required: true, content: json(ResearchConsentBody) } },
  responses: {
    200: { description: 'The seat as it now stands', content: json(ResearchConsentState) },
    ...signedInErrors,
    404: errorResponse('not_found: no such person in that session'),
  },
});

const getCallConsent = createRoute({
  method: 'get',
  path: '/call/research-consent',
  tags: ['research'],
  summary: 'The seats this invite decides research sharing for: its own, and a guardian’s children',
  ...inviteAuth,
  responses: {
    200: { description: 'The session and seats', content: json(ResearchSession) },
    401: errorResponse('unauthorized or invite_invalid'),
    404: errorResponse('not_found: the session or person no longer exists'),
  },
});

const putCallConsent = createRoute({
  method: 'put',
  path: '/call/research-consent',
  tags: ['research'],
  summary: 'Agree to or refuse research sharing with an invite (its own seat, or a guardian’s child’s)',
  ...inviteAuth,
  request: { body: { required: true, content: json(CallResearchConsentBody) } },
  responses: {
    200: { description: 'The seat as it now stands', content: json(ResearchConsentState) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized or invite_invalid'),
    403: errorResponse('forbidden: not a seat this invite decides for'),
    404: errorResponse('not_found: the session or person no longer exists'),
    410: errorResponse('invite_expired: an expired link may refuse, never agree'),
  },
});

const overview = createRoute({
  method: 'get',
  path: '/admin/research',
  tags: ['research'],
  summary: 'Sessions with stored recordings, whether everyone agreed to research sharing, and past exports',
  ...cookieAuth,
  responses: {
    200: { description: 'The overview', content: json(ResearchOverview) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const postExport = createRoute({
  method: 'post',
  path: '/admin/research/exports',
  tags: ['research'],
  summary: 'Export, as of now, every fully agreed session with its stored recordings (admins only)',
  ...cookieAuth,
  responses: {
    201: { description: 'Created', content: json(ResearchExportCreated) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const getArchive = createRoute({
  method: 'get',
  path: '/admin/research/exports/{id}/archive',
  tags: ['research'],
  summary: 'The export as a ZIP: pseudonymised manifest, README and recordings, decrypted as it streams',
  ...cookieAuth,
  request: { params: ExportParams },
  responses: {
    200: { description: 'application/zip' },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found: no such export'),
  },
});

/** The invite's seat and session; an expired invite may still read and say no (someone may answer after the call). */
async function inviteSeat(c: Context<AppEnv>) {
  const token = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
  const { db, config, now } = c.var.deps;
  return resolveInvite(db, config.inviteSecret, token, now(), { allowExpired: true });
}

/** How the signed-in `userId` decides for `person`: as the person, or as a guardian linked to them. */
async function choiceFor(
  c: Context<AppEnv>,
  person: Person,
  userId: string,
): Promise<SeatChoice | undefined> {
  if (person.userId === userId) return { person, decidesAs: 'self', deciderPersonId: person.id };
  const { db } = c.var.deps;
  const [people, links] = await Promise.all([
    listPeople(db, person.sessionId),
    guardianLinksOf(db, person.sessionId),
  ]);
  const guardianSeat = people.find(
    (p) =>
      p.userId === userId &&
      links.some((l) => l.guardian_person_id === p.id && l.student_person_id === person.id),
  );
  return guardianSeat && choicesOf(guardianSeat, people, links).find((ch) => ch.person.id === person.id);
}

export const researchRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(myResearch, async (c) => {
    const actor = await requireActor(c);
    const { researchExportMedia } = (await c.var.deps.consent.policies.current()).policy;
    return c.json(
      {
        sessions: await myResearchSessions(
          c.var.deps.db,
          actor.userId,
          researchExportMedia,
          c.var.deps.now(),
        ),
      },
      200,
    );
  })
  .openapi(putSeatConsent, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    const { personId, decision } = c.req.valid('json');
    const { db, now } = c.var.deps;
    const found = await findPersonInSession(db, id, personId);
    if (!found) throw new AppError(404, 'not_found', 'There is no such person in that session.');
    const { person } = found;
    const links = await guardianLinksOf(db, id);
    const guardianSeatIds = new Set(
      links.filter((l) => l.student_person_id === person.id).map((l) => l.guardian_person_id),
    );
    const guardianUserIds = guardianSpeaksFor(person)
      ? (await listPeople(db, id)).flatMap((p) => (guardianSeatIds.has(p.id) && p.userId ? [p.userId] : []))
      : [];
    await authorize(
      c,
      actor,
      'seat.research_consent',
      { kind: 'seat', seatUserId: person.userId, minor: person.minor, guardianUserIds },
      { type: 'person', id: person.id },
    );
    const choice = await choiceFor(c, person, actor.userId);
    if (!choice) throw new AppError(404, 'not_found', 'There is no such person in that session.');
    const state = await decideResearchSharing({ db, now }, choice, decision, {
      userId: actor.userId,
      role: actor.role,
      via: 'account',
    });
    return c.json(state, 200);
  })
  .openapi(getCallConsent, async (c) => {
    const { session, person } = await inviteSeat(c);
    const { researchExportMedia } = (await c.var.deps.consent.policies.current()).policy;
    return c.json(await researchSessionFor(c.var.deps.db, session, person, researchExportMedia), 200);
  })
  .openapi(putCallConsent, async (c) => {
    const { person, expiresAt } = await inviteSeat(c);
    const { decision, forPersonId } = c.req.valid('json');
    const { db, now } = c.var.deps;
    if (decision === 'agree' && expiresAt.getTime() <= now().getTime()) {
      // Agreeing shares a session with researchers: it needs a live link or a sign-in. Refusing never does.
      await auditDenied(db, {
        actor: person,
        action: 'research.consent',
        target: { type: 'person', id: forPersonId ?? person.id },
        detail: {
          method: c.req.method,
          path: c.req.path,
          sessionId: person.sessionId,
          via: 'invite',
          reason: 'link_expired',
        },
        at: now(),
      });
      throw new AppError(
        410,
        'invite_expired',
        'This link has expired: it can still say no, but agreeing needs a new link or signing in.',
      );
    }
    const choices = choicesOf(
      person,
      await listPeople(db, person.sessionId),
      await guardianLinksOf(db, person.sessionId),
    );
    const choice = choices.find((ch) => ch.person.id === (forPersonId ?? person.id));
    if (!choice) {
      await auditDenied(db, {
        actor: person,
        action: 'research.consent',
        target: { type: 'person', id: forPersonId ?? person.id },
        detail: { method: c.req.method, path: c.req.path, sessionId: person.sessionId, via: 'invite' },
        at: now(),
      });
      throw new AppError(403, 'forbidden', 'This invite may not decide for that person.');
    }
    const state = await decideResearchSharing({ db, now }, choice, decision, {
      userId: person.userId,
      role: person.role,
      via: 'invite',
    });
    return c.json(state, 200);
  })
  .openapi(overview, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'research.export', organisation);
    const { db } = c.var.deps;
    const { researchExportMedia: exportMedia } = (await c.var.deps.consent.policies.current()).policy;
    const [sessions, exports] = [await researchCandidates(db), await listResearchExports(db)];
    return c.json({ sessions, exports, exportMedia }, 200);
  })
  .openapi(postExport, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'research.export', organisation);
    return c.json(await createResearchExport(c.var.deps, actor), 201);
  })
  .openapi(getArchive, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'research.export', organisation, {
      type: 'research_export',
      id: c.req.param('id'),
    });
    const { id } = c.req.valid('param');
    const { db, vault, now } = c.var.deps;
    const exported = await findResearchExport(db, id);
    if (!exported) throw new AppError(404, 'not_found', 'There is no such research export.');
    const { policies } = c.var.deps.consent;
    const download = await prepareResearchDownload({ db, vault, policies, now }, exported, actor);
    c.var.logger.info(
      { exportId: id, sessions: download.sessions, recordings: download.recordings },
      'research export downloaded',
    );
    return c.body(download.body, 200, {
      'Content-Type': 'application/zip',
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="assent-research-${id}.zip"`,
    });
  });
