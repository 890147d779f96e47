import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { signInvite } from './invites/invite-token';
import { redactPath } from './middleware/request-logger';
import { buildTestApp, errorOf, useTestApp } from './test-support/test-app';
import { testDatabases } from './test-support/test-databases';

describe.each(testDatabases)('app ($name)', (database) => {
  const ctx = useTestApp(database);

  it('reports health with a database check', async () => {
    const res = await ctx().app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'ok' });
  });

  it('answers unknown API routes with not_found JSON', async () => {
    const res = await ctx().app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it('echoes a sane request id and replaces an unsafe one', async () => {
    const kept = await ctx().app.request('/api/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await ctx().app.request('/api/health', { headers: { 'x-request-id': 'a b <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an OpenAPI 3.1 document generated from the shared schemas', async () => {
    const res = await ctx().app.request('/api/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/invites/{token}',
        '/api/join',
        '/api/livekit/webhook',
        '/api/recording/request',
        '/api/recording/withdraw',
        '/api/sessions',
        '/api/sessions/{id}',
        '/api/me',
        '/api/me/sessions',
        '/api/invitations/{token}/accept',
        '/api/families/invitations',
        '/api/students/{id}/recording-preference',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/sessions'])).toContain('studentIds');
  });

  it('serves the docs page and its assets locally, with no CDN', async () => {
    const page = await (await ctx().app.request('/api/docs')).text();
    expect(page).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(page).not.toMatch(/https?:\/\//);
    const bundle = await ctx().app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await ctx().app.request('/api/docs/init.js')).status).toBe(200);
  });
});

describe('failures', () => {
  it('answers 503 from health and 500 elsewhere when the database is gone, without a stack trace', async () => {
    const { db } = connectDatabase({ kind: 'sqlite', filename: ':memory:' });
    await migrateToLatest(db);
    const { app, config } = buildTestApp(db);
    await db.destroy();

    const health = await app.request('/api/health');
    expect(health.status).toBe(503);
    const created = await app.request(
      `/api/invites/${await signInvite(config.inviteSecret, { sid: 'ses_x', pid: 'per_x', role: 'student' }, new Date(Date.now() + 60_000))}`,
    );
    expect(created.status).toBe(500);
    const text = await created.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/\.ts|stack|Error:/);
  });

  it('never logs invite tokens in paths', () => {
    expect(redactPath('/api/invites/eyJ.abc.def')).toBe('/api/invites/[token]');
    expect(redactPath('/join/eyJ.abc.def')).toBe('/join/[token]');
    expect(redactPath('/api/sessions')).toBe('/api/sessions');
  });
});

describe('web app (WEB_DIST_DIR)', () => {
  const dist = mkdtempSync(join(tmpdir(), 'assent-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Assent</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  async function app() {
    const { db } = connectDatabase({ kind: 'sqlite', filename: ':memory:' });
    await migrateToLatest(db);
    return buildTestApp(db, { WEB_DIST_DIR: dist }).app;
  }

  it('serves files, falls back to index.html for client routes, and keeps API 404s as JSON', async () => {
    const web = await app();
    const asset = await web.request('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const route = await web.request('/join/some-token');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Assent</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');

    expect((await web.request('/assets/missing-9999.js')).status).toBe(404);

    const api = await web.request('/api/unknown');
    expect(api.status).toBe(404);
    expect((await errorOf(api)).code).toBe('not_found');
  });

  it('serves the recording layout page, with or without its slash and with the query egress adds', async () => {
    mkdirSync(join(dist, 'recording-layout'), { recursive: true });
    writeFileSync(
      join(dist, 'recording-layout', 'index.html'),
      '<!doctype html><title>Assent recording</title>',
    );
    const web = await app();
    for (const path of [
      '/recording-layout/',
      '/recording-layout',
      '/recording-layout/?title=Algebra&layout=grid&url=ws%3A%2F%2F127.0.0.1%3A7880&token=abc',
    ]) {
      const page = await web.request(path);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<title>Assent recording</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers 404 for a recording layout that was not built, never the app in its place', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'assent-web-'));
    writeFileSync(join(bare, 'index.html'), '<!doctype html><title>Assent</title>');
    const { db } = connectDatabase({ kind: 'sqlite', filename: ':memory:' });
    await migrateToLatest(db);
    const web = buildTestApp(db, { WEB_DIST_DIR: bare }).app;
    try {
      const page = await web.request('/recording-layout/?url=ws%3A%2F%2F127.0.0.1%3A7880&token=abc');
      expect(page.status).toBe(404);
      expect(await page.text()).not.toContain('<title>Assent</title>');
      expect((await web.request('/join/some-token')).status).toBe(200);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
