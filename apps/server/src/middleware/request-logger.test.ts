import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { signInvite } from '../invites/invite-token';
import { createMailer } from '../mail/mailer';
import { startMailCatcher } from '../test-support/mail-catcher';
import { buildTestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { redactPath } from './request-logger';

/** A pino logger whose lines land in `lines`, as the server's log file would hold them. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe.each(testDatabases)('request log ($name)', (database) => {
  const ctx = useTestApp(database);

  it('never holds a one-time link’s token, whichever page or API route carried it', async () => {
    const { logger, lines } = capturingLogger();
    const t = buildTestApp(ctx().db, {}, { logger });
    const linkToken = 'Zq3kV9xW2mN8pL4rT6yB1cD5fG7hJ0aS2dF4gH6jK8l';
    const inviteToken = await signInvite(
      t.config.inviteSecret,
      { sid: 'ses_x', pid: 'per_x', role: 'student' },
      new Date(Date.now() + 60_000),
    );
    const resetToken = 'a1B2c3D4e5F6g7H8i9J0k1L2';
    const paths = [
      `/api/invitations/${linkToken}`,
      `/api/invitations/${linkToken}/accept`,
      `/welcome/${linkToken}`,
      `/join/${inviteToken}`,
      `/api/invites/${inviteToken}`,
      `/reset-password/${resetToken}`,
      `/api/auth/reset-password/${resetToken}?callbackURL=%2F`,
      `//api//invitations/${linkToken}`,
      `/some/future/route/${linkToken}`,
    ];
    for (const path of paths) await t.app.request(path);
    const log = lines.join('');
    expect(lines.filter((l) => l.includes('"msg":"request')).length).toBe(paths.length);
    for (const token of [linkToken, inviteToken, resetToken]) expect(log).not.toContain(token);
    expect(log).toContain('/api/invitations/[token]');
    expect(log).toContain('/welcome/[token]');
  });

  it('keeps ordinary paths and record ids readable', () => {
    expect(redactPath('/api/sessions')).toBe('/api/sessions');
    const id = '6f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a';
    expect(redactPath(`/api/recordings/${id}/media`)).toBe(`/api/recordings/${id}/media`);
  });
});

describe('mail log', () => {
  it('logs that a mail went out but never its subject (subjects name children)', async () => {
    const catcher = await startMailCatcher();
    try {
      const { logger, lines } = capturingLogger();
      const mailer = createMailer({ smtpUrl: catcher.url, from: 'Assent <no-reply@assent.test>' }, logger);
      await mailer.send({
        to: 'parent@example.org',
        subject: "Join Sam Student's family for online tutoring with Assent",
        text: 'Hello',
      });
      expect(catcher.received).toHaveLength(1);
      const log = lines.join('');
      expect(log).toContain('mail sent');
      expect(log).not.toContain('Sam Student');
      expect(log).not.toContain('subject');
    } finally {
      await catcher.close();
    }
  });
});
