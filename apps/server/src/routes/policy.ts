/**
 * The organisation's recording policy: anyone may read the version in force (the join page, the
 * consent prompt and the guardian's agreement page show it); admins save changes, each a new version
 * with its audit entry; admins and reviewers read the history.
 */
import {
  OrganisationPolicy,
  PolicyVersionList,
  ReadablePolicy,
  RetentionEffects,
  RetentionEffectsRequest,
  SavePolicyRequest,
} from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { policyFacts } from '../policy/policy-facts';
import { currentPolicy, listPolicyVersions } from '../policy/policy-repository';
import { describePolicyChanges, savePolicy } from '../policy/policy-service';
import { applyShorterRetention, retentionEffects } from '../vault/lifetime/retention-changes';
import { errorResponse } from './error-responses';

const cookieAuth = { security: [{ sessionCookie: [] }] };
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const denied = { 401: errorResponse('unauthorized'), 403: errorResponse('forbidden') };

const readPolicy = createRoute({
  method: 'get',
  path: '/policy',
  tags: ['policy'],
  summary: "The organisation's recording policy in force: purposes, retention, playback, notice, agreement",
  responses: { 200: { description: 'The policy in force', content: json(OrganisationPolicy) } },
});

const readablePolicy = createRoute({
  method: 'get',
  path: '/policy/readable',
  tags: ['policy'],
  summary:
    'The policy in force as families read it: facts generated from its values beside the organisation’s own text (anyone)',
  responses: { 200: { description: 'The policy in force, readable', content: json(ReadablePolicy) } },
});

const updatePolicy = createRoute({
  method: 'put',
  path: '/admin/policy',
  tags: ['policy'],
  summary: 'Save a change to the policy as a new version (admins only)',
  ...cookieAuth,
  request: { body: { required: true, content: json(SavePolicyRequest) } },
  responses: {
    200: { description: 'The version now in force', content: json(OrganisationPolicy) },
    400: errorResponse('validation_failed, with the field of each problem'),
    ...denied,
    409: errorResponse('policy_version_stale: someone saved a newer version since basedOnVersion'),
  },
});

const previewRetention = createRoute({
  method: 'post',
  path: '/admin/policy/retention-effects',
  tags: ['policy'],
  summary:
    'What saving these retentions would do to stored recordings: shorter ones apply to them, longer ones do not (admins only)',
  ...cookieAuth,
  request: { body: { required: true, content: json(RetentionEffectsRequest) } },
  responses: {
    200: { description: 'One entry per purpose whose retention changes', content: json(RetentionEffects) },
    400: errorResponse('validation_failed'),
    ...denied,
  },
});

const listVersions = createRoute({
  method: 'get',
  path: '/admin/policy/versions',
  tags: ['policy'],
  summary: 'Every version of the policy, newest first, with what each changed (admins and reviewers)',
  ...cookieAuth,
  responses: { 200: { description: 'The versions', content: json(PolicyVersionList) }, ...denied },
});

export const policyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(readPolicy, async (c) => c.json(await c.var.deps.consent.policies.current(), 200))
  .openapi(readablePolicy, async (c) => {
    const current = await c.var.deps.consent.policies.current();
    return c.json(
      {
        version: current.version,
        createdAt: current.createdAt,
        facts: policyFacts(current.policy),
        agreementText: current.policy.agreementText,
        noticeText: current.policy.noticeText,
      },
      200,
    );
  })
  .openapi(updatePolicy, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'policy.update', organisation, { type: 'policy', id: 'current' });
    const { consent, db, now } = c.var.deps;
    // A fresh database gets version 1 first, so an edit always has a version to be based on.
    await consent.policies.current();
    const at = now();
    // A shorter retention reaches stored recordings in the same transaction that saves the version.
    const policy = await db.transaction().execute(async (trx) => {
      const before = await currentPolicy(trx);
      const saved = await savePolicy(trx, actor, c.req.valid('json'), at);
      if (before && saved.policy.version !== before.version) {
        const actorRef = { userId: actor.userId, role: actor.role };
        const { purposes } = saved.policy.policy;
        await applyShorterRetention(
          trx,
          actorRef,
          before.policy.purposes,
          purposes,
          saved.policy.version,
          at,
        );
      }
      return saved.policy;
    });
    return c.json(policy, 200);
  })
  .openapi(previewRetention, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'policy.update', organisation, { type: 'policy', id: 'current' });
    const { consent, db, now } = c.var.deps;
    const current = await consent.policies.current();
    const { purposes } = c.req.valid('json');
    return c.json({ effects: await retentionEffects(db, current.policy.purposes, purposes, now()) }, 200);
  })
  .openapi(listVersions, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'policy.history', organisation, { type: 'policy', id: 'versions' });
    await c.var.deps.consent.policies.current();
    const records = await listPolicyVersions(c.var.deps.db);
    const versions = records.map(({ policy, createdByName }, index) => {
      const previous = records[index + 1]?.policy.policy;
      return {
        ...policy,
        createdByName,
        changes: previous ? describePolicyChanges(previous, policy.policy) : [],
      };
    });
    return c.json({ versions }, 200);
  });
