import { testClient } from 'hono/testing';
import { describe, expect, it } from 'vitest';
import { signedInAs } from './test-support/accounts';
import { useTestApp } from './test-support/test-app';
import { testDatabases } from './test-support/test-databases';

// AppType carries every route's request and response types: hono's typed client infers paths, bodies and
// answers from it. The web app does not use it (it calls the API through api/client.ts with the shared
// zod types); this keeps the inference working for a typed client should one be wanted.
describe.each(testDatabases)('typed client over AppType ($name)', (database) => {
  const ctx = useTestApp(database);

  it('creates a session and previews an invite through typed routes', async () => {
    const tutor = await signedInAs(ctx(), 'tutor');
    const client = testClient(ctx().app, undefined, undefined, {
      headers: { cookie: tutor.cookie, origin: 'http://assent.test' },
    });
    const created = await client.api.sessions.$post({ json: { title: 'Typed', guests: [{ name: 'S' }] } });
    expect(created.status).toBe(201);
    if (created.status !== 201) return;
    const body = await created.json();
    const token = body.invites[1]?.url.split('/join/')[1] ?? '';
    const preview = await client.api.invites[':token'].$get({ param: { token } });
    expect(preview.status).toBe(200);
    if (preview.status !== 200) return;
    expect((await preview.json()).role).toBe('student');
  });
});
