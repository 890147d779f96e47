/**
 * The route matrix (apps/server/src/test-support/route-matrix.ts) run over HTTP against the real stack:
 * an organisation built as people build it (staff invited by the admin, families enrolled by mail, an
 * adult student given a sign-in by the guardian who registered from her enrolment, another family's adult
 * student without one), then every route × caller answers as the matrix says.
 */
import type { InvitationCreated, MeResponse, MySessionList } from '@assent/shared';
import { type APIRequestContext, request } from '@playwright/test';
import {
  type Caller,
  type CallerView,
  callers,
  expectedStatus,
  matrixSize,
  routeMatrix,
} from '../../apps/server/src/test-support/route-matrix';
import { linkMailedTo } from '../fixtures/mailbox';
import { e2ePassword, e2eSite, openOrganisation, uniqueEmail } from '../fixtures/organisation';
import { expect, test } from '../fixtures/test';

test(`every route × caller (${matrixSize} pairs) answers as the authorisation matrix says`, async () => {
  const site = e2eSite();
  const organisation = openOrganisation(site);
  const extra: APIRequestContext[] = [];
  const newApi = async () => {
    const api = await request.newContext({
      baseURL: site.baseUrl,
      extraHTTPHeaders: { origin: site.baseUrl },
    });
    extra.push(api);
    return api;
  };
  try {
    const admin = await organisation.admin();
    const reviewer = await organisation.inviteStaff('reviewer', 'Rhea Reviewer');
    const tutor = await organisation.inviteStaff('tutor', 'Dana Tutor');
    const otherTutor = await organisation.inviteStaff('tutor', 'Olga Other');
    const family = await organisation.enrolFamily(tutor, {
      guardianName: 'Pat Guardian',
      children: [
        { name: 'Sam', minor: true },
        { name: 'Cleo Adult', minor: false },
      ],
    });
    const otherFamily = await organisation.enrolFamily(otherTutor, {
      guardianName: 'Hugo Guardian',
      children: [
        { name: 'Tom', minor: true },
        { name: 'Ada Adult', minor: false },
      ],
    });
    const sam = family.children.find((c) => c.name === 'Sam');
    const cleo = family.children.find((c) => c.name === 'Cleo Adult');
    const tom = otherFamily.children.find((c) => c.name === 'Tom');
    const ada = otherFamily.children.find((c) => c.name === 'Ada Adult');
    if (!sam || !cleo || !tom || !ada)
      throw new Error(`children missing: ${JSON.stringify(family.children)}`);

    // The guardian gives their adult child a sign-in of her own; she accepts it from her mail.
    const cleoEmail = uniqueEmail('Cleo Adult');
    const invited = await family.guardian.api.post(`/api/students/${cleo.id}/invitations`, {
      data: { email: cleoEmail },
    });
    expect(invited.status(), await invited.text()).toBe(201);
    expect(((await invited.json()) as InvitationCreated).link).toBeNull();
    const link = await linkMailedTo(site.mailDir, cleoEmail);
    const studentApi = await newApi();
    const accepted = await studentApi.post(
      `/api/invitations/${new URL(link).pathname.split('/').pop()}/accept`,
      {
        data: { name: 'Cleo Adult', password: e2ePassword },
      },
    );
    expect(accepted.status(), await accepted.text()).toBe(201);
    const me = (await (await studentApi.get('/api/me')).json()) as { user: { role: string } };
    expect(me.user.role).toBe('student');

    const own = await organisation.createSessionAsTutor(tutor, {
      title: 'World',
      students: [sam, cleo],
      guests: [],
    });
    const other = await organisation.createSessionAsTutor(otherTutor, {
      title: 'World',
      students: [tom],
      guests: [],
    });
    // The adult student sees the session she was put in.
    const hers = (await (await studentApi.get('/api/me/sessions')).json()) as MySessionList;
    expect(hers.sessions.map((s) => s.sessionId)).toContain(own.sessionId);

    const signedOut = await newApi();
    const apis: Record<Caller, APIRequestContext> = {
      'signed-out': signedOut,
      admin: admin.api,
      reviewer: reviewer.api,
      tutor: tutor.api,
      guardian: family.guardian.api,
      student: studentApi,
    };
    const accountId = async (account: { api: APIRequestContext }) =>
      ((await (await account.api.get('/api/me')).json()) as MeResponse).user?.id ?? 'no-account';
    const base = {
      ownTutor: await accountId(tutor),
      otherTutor: await accountId(otherTutor),
      ownSession: own.sessionId,
      otherSession: other.sessionId,
      otherStudent: tom.id,
      ownAdultStudent: cleo.id,
      otherAdultStudent: ada.id,
    };
    const view = (caller: Caller): CallerView => ({
      ...base,
      ownStudent: caller === 'student' ? cleo.id : sam.id,
    });

    const policy = (await (await signedOut.get('/api/policy')).json()) as { version: number };
    expect(policy.version).toBeGreaterThan(0);
    const run = Math.random().toString(36).slice(2, 8);

    const mismatches: string[] = [];
    let n = 0;
    for (const route of routeMatrix) {
      for (const caller of callers) {
        n += 1;
        const body = route.body?.(`${run}-${n}`, view(caller));
        const data =
          body === undefined
            ? undefined
            : JSON.parse(JSON.stringify(body).replace('"CURRENT"', String(policy.version)));
        const res = await apis[caller].fetch(route.path(view(caller)), { method: route.method, data });
        const expected = expectedStatus(route, caller);
        if (res.status() !== expected) {
          mismatches.push(
            `${route.name} as ${caller}: ${res.status()}, expected ${expected} — ${await res.text()}`,
          );
        } else if (expected === 401 || expected === 403) {
          // A refusal is a clear JSON error with a stable code.
          const error = (await res.json()) as { error?: { code?: string } } & { code?: string };
          const code = error.error?.code ?? error.code;
          if (code !== (expected === 401 ? 'unauthorized' : 'forbidden'))
            mismatches.push(`${route.name} as ${caller}: ${expected} with code ${code}`);
        }
      }
    }
    expect(n).toBe(matrixSize);
    expect(mismatches).toEqual([]);
  } finally {
    await Promise.all(extra.map((api) => api.dispose()));
    await organisation.dispose();
  }
});
