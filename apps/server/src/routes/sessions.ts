import { CreateSessionRequest, CreateSessionResponse, type Invite } from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../http/error-handling';
import { signInvite } from '../invites/invite-token';
import { newParticipantIdentity, newPersonId, newRoomName, newSessionId } from '../opaque-ids';
import { guardianLinksFor } from '../sessions/guardian-links';
import {
  insertGuardianLinks,
  insertPeople,
  insertSession,
  type Person,
  type Session,
} from '../sessions/session-repository';
import { errorResponse } from './error-responses';

const createSession = createRoute({
  method: 'post',
  path: '/sessions',
  tags: ['sessions'],
  summary: 'Create a session and one invite link per person (the tutor first)',
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateSessionRequest } } },
  },
  responses: {
    201: {
      description: 'Session created',
      content: { 'application/json': { schema: CreateSessionResponse } },
    },
    400: errorResponse('The request is not valid'),
  },
});

export const sessionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createSession,
  async (c) => {
    const { config, db, now } = c.var.deps;
    const input = c.req.valid('json');
    const createdAt = now();
    const session: Session = {
      id: newSessionId(),
      title: input.title,
      roomName: newRoomName(),
      createdAt: createdAt.toISOString(),
      ownerUserId: null,
    };
    const invitees = [{ name: input.tutorName, role: 'tutor' as const, minor: false }, ...input.participants];
    const people: Person[] = invitees.map((p) => ({
      id: newPersonId(),
      sessionId: session.id,
      name: p.name,
      role: p.role,
      minor: p.role === 'student' && p.minor,
      livekitIdentity: newParticipantIdentity(),
      createdAt: session.createdAt,
      userId: null,
      studentId: null,
    }));
    const links = guardianLinksFor(invitees, people);
    const nameOf = new Map(people.map((p) => [p.id, p.name]));

    // Whole seconds, so the expiry we show is exactly the token's `exp`.
    const expiresAt = new Date(Math.floor(createdAt.getTime() / 1000 + config.inviteTtlHours * 3600) * 1000);
    // Sign before writing: nothing can fail after the transaction commits.
    const invites: Invite[] = await Promise.all(
      people.map(async (p) => {
        const token = await signInvite(
          config.inviteSecret,
          { sid: session.id, pid: p.id, role: p.role },
          expiresAt,
        );
        return {
          personId: p.id,
          name: p.name,
          role: p.role,
          minor: p.role === 'student' && p.minor,
          guardianOf: links
            .filter((link) => link.guardianPersonId === p.id)
            .map((link) => nameOf.get(link.studentPersonId) ?? ''),
          url: `${config.publicUrl}/join/${token}`,
          expiresAt: expiresAt.toISOString(),
        };
      }),
    );

    await db.transaction().execute(async (trx) => {
      await insertSession(trx, session);
      await insertPeople(trx, people);
      await insertGuardianLinks(trx, links);
    });
    c.var.logger.info({ sessionId: session.id, people: people.length }, 'session created');
    return c.json({ sessionId: session.id, title: session.title, invites }, 201);
  },
);
