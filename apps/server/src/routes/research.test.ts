import type {
  AuditPage,
  MyResearchConsents,
  OrganisationPolicy,
  ResearchConsentState,
  ResearchExportCreated,
  ResearchOverview,
  ResearchSession,
} from '@assent/shared';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { packetsOf, tracksOf } from '../test-support/media-tracks';
import { buildSession, seatsOf } from '../test-support/organisation';
import { cameraAndVoiceMp4, type RecordedSession, recordedSession } from '../test-support/recordings';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { fakeTranscriber, talked } from '../transcripts/transcript-test-support';
import { createTranscriptWorker } from '../transcripts/transcript-worker';

type Seats = Awaited<ReturnType<typeof seatsOf>>;
const seat = (seats: Seats, name: string) => seats.find((s) => s.name === name) as Seats[number];

const decide = (t: TestApp, who: TestAccount, sessionId: string, personId: string, decision: string) =>
  asAccount(t, who, 'PUT', `/api/sessions/${sessionId}/research-consent`, { personId, decision });

const decideWithInvite = (t: TestApp, token: string, body: unknown) =>
  t.app.request('/api/call/research-consent', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

/** Everyone in the sample session says yes: Dana and Pat for themselves, Pat for Sam, Sam with her invite. */
async function everyoneAgrees(t: TestApp, rec: RecordedSession) {
  const seats = await seatsOf(t, rec.sessionId);
  const sam = seat(seats, 'Sam Student');
  for (const [who, person] of [
    [rec.tutor, seat(seats, 'Dana Tutor')],
    [rec.guardian, seat(seats, 'Pat Guardian')],
    [rec.guardian, sam],
  ] as const) {
    expect((await decide(t, who, rec.sessionId, person.personId, 'agree')).status).toBe(200);
  }
  expect((await decideWithInvite(t, sam.token, { decision: 'agree' })).status).toBe(200);
  return seats;
}

async function auditActions(t: TestApp, admin: TestAccount, prefix: string) {
  const res = await asAccount(t, admin, 'GET', `/api/admin/audit?actionPrefix=${prefix}`);
  return ((await res.json()) as AuditPage).entries;
}

describe.each(testDatabases)('research sharing consent ($name)', (database) => {
  const ctx = useTestApp(database);

  it('lets each person decide for their own seat and a guardian for their child, audited', async () => {
    const t = ctx();
    const built = await buildSession(t);
    const sessionId = built.created.sessionId;
    const seats = await seatsOf(t, sessionId);
    const pat = built.guardians['Pat Guardian'] as TestAccount;

    const mine = (await (await asAccount(t, pat, 'GET', '/api/me/research')).json()) as MyResearchConsents;
    expect(mine.sessions).toHaveLength(1);
    expect(mine.sessions[0]?.seats.map((s) => [s.name, s.decidesAs, s.decision])).toEqual([
      ['Pat Guardian', 'self', 'none'],
      ['Sam Student', 'guardian', 'none'],
    ]);

    const own = await decide(t, built.tutor, sessionId, seat(seats, 'Dana Tutor').personId, 'agree');
    expect(own.status).toBe(200);
    expect((await own.json()) as ResearchConsentState).toMatchObject({
      decidesAs: 'self',
      decision: 'agree',
    });
    const forChild = await decide(t, pat, sessionId, seat(seats, 'Sam Student').personId, 'agree');
    expect((await forChild.json()) as ResearchConsentState).toMatchObject({
      sessionId,
      name: 'Sam Student',
      decidesAs: 'guardian',
      decision: 'agree',
    });
    // A no after a yes is a withdrawal; saying it again changes nothing.
    const withdrawn = await decide(t, pat, sessionId, seat(seats, 'Sam Student').personId, 'refuse');
    expect(((await withdrawn.json()) as ResearchConsentState).decision).toBe('withdraw');
    await decide(t, pat, sessionId, seat(seats, 'Sam Student').personId, 'refuse');

    const rows = await t.db.selectFrom('research_consents').selectAll().orderBy('at').orderBy('id').execute();
    expect(rows.map((r) => r.decision).sort()).toEqual(['agree', 'agree', 'withdraw']);
    expect(rows.find((r) => r.decision === 'withdraw')).toMatchObject({
      person_id: seat(seats, 'Sam Student').personId,
      decided_by_person_id: seat(seats, 'Pat Guardian').personId,
      decided_by_user_id: pat.userId,
    });
    const admin = await signedInAs(t, 'admin');
    expect(await auditActions(t, admin, 'research.consent')).toHaveLength(3);
  });

  it("refuses another family's seat (403, audited), a person not in the session (404) and nobody signed in", async () => {
    const t = ctx();
    const built = await buildSession(t);
    const sessionId = built.created.sessionId;
    const sam = seat(await seatsOf(t, sessionId), 'Sam Student');
    const stranger = await signedInAs(t, 'guardian', 'Hugo Guardian');

    const denied = await decide(t, stranger, sessionId, sam.personId, 'agree');
    expect(denied.status).toBe(403);
    expect((await errorOf(denied)).code).toBe('forbidden');
    // The tutor decides for themselves only, not for a student.
    expect((await decide(t, built.tutor, sessionId, sam.personId, 'agree')).status).toBe(403);
    expect((await decide(t, built.tutor, sessionId, 'per_missing', 'agree')).status).toBe(404);
    expect((await decide(t, null as unknown as TestAccount, sessionId, sam.personId, 'agree')).status).toBe(
      401,
    );
    const bad = await decide(t, built.tutor, sessionId, sam.personId, 'maybe');
    expect(bad.status).toBe(400);

    expect(await t.db.selectFrom('research_consents').selectAll().execute()).toEqual([]);
    const refusals = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'seat.research_consent')
      .where('outcome', '=', 'denied')
      .execute();
    expect(refusals.map((r) => r.actor_user_id).sort()).toEqual([built.tutor.userId, stranger.userId].sort());
  });

  it('takes decisions with an invite: the seat itself, or a guardian for a linked child, and nobody else', async () => {
    const t = ctx();
    const built = await buildSession(t);
    const seats = await seatsOf(t, built.created.sessionId);
    const sam = seat(seats, 'Sam Student');
    const pat = seat(seats, 'Pat Guardian');

    const listed = await t.app.request('/api/call/research-consent', {
      headers: { authorization: `Bearer ${pat.token}` },
    });
    const theirs = (await listed.json()) as ResearchSession;
    expect(theirs.seats.map((s) => [s.personId, s.decidesAs])).toEqual([
      [pat.personId, 'self'],
      [sam.personId, 'guardian'],
    ]);

    const own = await decideWithInvite(t, sam.token, { decision: 'refuse' });
    expect(own.status).toBe(200);
    expect((await own.json()) as ResearchConsentState).toMatchObject({
      personId: sam.personId,
      decision: 'refuse',
    });
    const forChild = await decideWithInvite(t, pat.token, { decision: 'agree', forPersonId: sam.personId });
    expect((await forChild.json()) as ResearchConsentState).toMatchObject({
      decidesAs: 'guardian',
      decision: 'agree',
    });

    const notTheirs = await decideWithInvite(t, sam.token, {
      decision: 'agree',
      forPersonId: seat(seats, 'Dana Tutor').personId,
    });
    expect(notTheirs.status).toBe(403);
    expect((await decideWithInvite(t, `${sam.token}x`, { decision: 'agree' })).status).toBe(401);
    expect(await t.db.selectFrom('research_consents').selectAll().execute()).toHaveLength(2);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'research.consent')
      .execute();
    expect(audit.map((a) => a.outcome).sort()).toEqual(['denied', 'done', 'done']);
  });
});

describe.each(testDatabases)('research exports ($name)', (database) => {
  const ctx = useTestApp(database);

  async function exportAndDownload(t: TestApp, admin: TestAccount) {
    const created = await asAccount(t, admin, 'POST', '/api/admin/research/exports');
    expect(created.status).toBe(201);
    const summary = (await created.json()) as ResearchExportCreated;
    const res = await asAccount(t, admin, 'GET', summary.archiveUrl);
    return { summary, res };
  }

  it('holds only the fully agreed session, pseudonymised, with the recording’s sound only by default', async () => {
    const t = ctx();
    const agreed = await recordedSession(t, { plaintext: cameraAndVoiceMp4() });
    const undecided = await recordedSession(t, { plaintext: cameraAndVoiceMp4() });
    const seats = await everyoneAgrees(t, agreed);
    const admin = await signedInAs(t, 'admin');

    const overview = (await (
      await asAccount(t, admin, 'GET', '/api/admin/research')
    ).json()) as ResearchOverview;
    const bySession = new Map(overview.sessions.map((s) => [s.sessionId, s.eligibility]));
    expect(bySession.get(agreed.sessionId)).toMatchObject({ eligible: true, agreed: 3, total: 3 });
    expect(bySession.get(undecided.sessionId)).toMatchObject({ eligible: false, reason: 'not_all_agreed' });

    const { summary, res } = await exportAndDownload(t, admin);
    expect(summary).toMatchObject({ sessions: 1, recordings: 1 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="assent-research-${summary.id}.zip"`,
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    // By default only the sound leaves: the audio track copied as recorded, no video track.
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'manifest.json', 'recordings/R1.ogg']);
    expect(await tracksOf(files['recordings/R1.ogg'] as Uint8Array)).toEqual({ audio: ['opus'], video: [] });
    expect(await packetsOf(files['recordings/R1.ogg'] as Uint8Array)).toEqual(
      await packetsOf(new Uint8Array(agreed.plaintext)),
    );
    const readme = new TextDecoder().decode(files['README.txt']);
    expect(readme).toContain('the sound of the session only');
    expect(readme).toContain('voices can identify');

    const text = new TextDecoder().decode(files['manifest.json']);
    const manifest = JSON.parse(text);
    expect(manifest).toMatchObject({ sessionCount: 1, recordingCount: 1, withdrawnSinceExport: 0 });
    const [session] = manifest.sessions;
    expect(session.id).toBe('S1');
    expect(session.people.map((p: { role: string }) => p.role).sort()).toEqual([
      'guardian',
      'student',
      'tutor',
    ]);
    expect(manifest.media).toBe('audio');
    expect(session.recordings[0]).toMatchObject({ file: 'recordings/R1.ogg', purpose: 'quality_assurance' });
    expect(session.recordingConsent.length).toBeGreaterThan(0);
    expect(session.researchConsent).toHaveLength(4);
    const people = await t.db.selectFrom('users').select(['id', 'name', 'email']).execute();
    const secrets = [
      ...seats.flatMap((s) => [s.name, s.personId, s.identity]),
      ...people.flatMap((u) => [u.id, u.name, u.email]),
      agreed.sessionId,
      agreed.recordingId,
      'Algebra',
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);

    const entries = await auditActions(t, admin, 'research.export');
    expect(entries.map((e) => e.action).sort()).toEqual(['research.export', 'research.export_download']);
  });

  it('exports the video as recorded only where the policy says so, and tells families which', async () => {
    const t = ctx();
    const agreed = await recordedSession(t, { plaintext: cameraAndVoiceMp4() });
    await everyoneAgrees(t, agreed);
    const admin = await signedInAs(t, 'admin');
    const mine = async () =>
      ((await (await asAccount(t, agreed.guardian, 'GET', '/api/me/research')).json()) as MyResearchConsents)
        .sessions[0]?.exportMedia;
    expect(await mine()).toBe('audio');

    const current = (await (await t.app.request('/api/policy')).json()) as OrganisationPolicy;
    expect(current.policy.researchExportMedia).toBe('audio');
    const saved = await asAccount(t, admin, 'PUT', '/api/admin/policy', {
      ...current.policy,
      researchExportMedia: 'audio_and_video',
      basedOnVersion: current.version,
    });
    expect(saved.status).toBe(200);
    expect(await mine()).toBe('audio_and_video');

    const { res } = await exportAndDownload(t, admin);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'manifest.json', 'recordings/R1.mp4']);
    expect(Buffer.from(files['recordings/R1.mp4'] as Uint8Array).equals(agreed.plaintext)).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).media).toBe('audio_and_video');
    expect(new TextDecoder().decode(files['README.txt'])).toContain('faces, voices and names on screen');
  });

  it('leaves out a session someone withdrew from after the export was made', async () => {
    const t = ctx();
    const agreed = await recordedSession(t, { plaintext: cameraAndVoiceMp4() });
    const seats = await everyoneAgrees(t, agreed);
    const admin = await signedInAs(t, 'admin');
    const created = (await (
      await asAccount(t, admin, 'POST', '/api/admin/research/exports')
    ).json()) as ResearchExportCreated;
    expect(created.sessions).toBe(1);

    const sam = seat(seats, 'Sam Student');
    const withdrawn = await decideWithInvite(t, sam.token, { decision: 'refuse' });
    expect(((await withdrawn.json()) as ResearchConsentState).decision).toBe('withdraw');

    const res = await asAccount(t, admin, 'GET', created.archiveUrl);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({
      sessionCount: 0,
      recordingCount: 0,
      withdrawnSinceExport: 1,
      sessions: [],
    });
  });

  it('counts an unknown participant against the session, but not the recorder', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { plaintext: cameraAndVoiceMp4() });
    await everyoneAgrees(t, rec);
    const admin = await signedInAs(t, 'admin');
    const room = await t.db
      .selectFrom('sessions')
      .select('room_name')
      .where('id', '=', rec.sessionId)
      .executeTakeFirstOrThrow();
    const arrive = (identity: string, kind: string) =>
      t.db
        .insertInto('participant_presence')
        .values({
          id: `evt_${identity}`,
          session_id: rec.sessionId,
          room_name: room.room_name,
          identity,
          person_id: null,
          known: 0,
          kind,
          joined_at: t.clock.now.toISOString(),
          left_at: null,
        })
        .execute();
    const eligibility = async () =>
      ((await (await asAccount(t, admin, 'GET', '/api/admin/research')).json()) as ResearchOverview)
        .sessions[0]?.eligibility;
    await arrive('EG_recorder', 'EGRESS');
    expect(await eligibility()).toMatchObject({ eligible: true });
    await arrive('stranger', 'STANDARD');
    expect(await eligibility()).toMatchObject({ eligible: false, reason: 'unknown_participant' });
  });

  it('adds the transcript and the chat log, every name and the title replaced by pseudonyms in the text too', async () => {
    const t = ctx();
    const agreed = await recordedSession(t, { plaintext: cameraAndVoiceMp4() });
    const seats = await everyoneAgrees(t, agreed);
    const dana = seat(seats, 'Dana Tutor');
    const sam = seat(seats, 'Sam Student');
    const started = await t.db
      .selectFrom('recordings')
      .select('started_at')
      .where('id', '=', agreed.recordingId)
      .executeTakeFirstOrThrow();
    await talked(t, agreed.sessionId, dana.personId, started.started_at ?? '', 0, 3);
    await talked(t, agreed.sessionId, sam.personId, started.started_at ?? '', 3.5, 6);
    await createTranscriptWorker({
      db: t.db,
      vault: t.vault,
      policies: t.consent.policies,
      transcriber: fakeTranscriber([
        { start: 0, end: 3, text: 'Welcome to algebra, week 3, SAM. Is Pat Guardian here?' },
        { start: 3.5, end: 6, text: 'Yes, Dana. Samantha is my sister.' },
        { start: 7, end: 8, text: 'Nobody measured this.' },
      ]),
      logger: createLogger('silent'),
      now: () => t.clock.now,
      pollMs: 60_000,
    }).runOnce();
    const message = (id: string, who: typeof dana, text: string, removed = false) =>
      t.db
        .insertInto('chat_messages')
        .values({
          id,
          session_id: agreed.sessionId,
          sender_person_id: who.personId,
          sender_identity: who.identity,
          sender_name: who.name,
          sender_role: who.role,
          text,
          sent_at: t.clock.now.toISOString(),
          removed_at: removed ? t.clock.now.toISOString() : null,
          removed_by_person_id: null,
          erased_at: null,
        })
        .execute();
    await message('msg_1', dana, 'dana tutor here: homework for Algebra, Week 3 is page 12, sam student');
    await message('msg_2', sam, 'ok Dana');
    await message('msg_3', sam, 'removed by the tutor', true);
    const admin = await signedInAs(t, 'admin');
    const { res } = await exportAndDownload(t, admin);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'chat/S1.json',
      'manifest.json',
      'recordings/R1.ogg',
      'transcripts/R1.json',
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({ transcripts: ['transcripts/R1.json'], chatLogs: ['chat/S1.json'] });
    const pseudonymOf = (role: string) =>
      (manifest.sessions[0].people as { id: string; role: string }[]).find((p) => p.role === role)?.id;
    const [tutor, student, guardian] = [
      pseudonymOf('tutor'),
      pseudonymOf('student'),
      pseudonymOf('guardian'),
    ];

    const transcriptText = new TextDecoder().decode(files['transcripts/R1.json']);
    expect(JSON.parse(transcriptText)).toEqual({
      recording: 'R1',
      session: 'S1',
      lines: [
        {
          start: 0,
          end: 3,
          speaker: tutor,
          role: 'tutor',
          text: `Welcome to S1, ${student}. Is ${guardian} here?`,
        },
        {
          start: 3.5,
          end: 6,
          speaker: student,
          role: 'student',
          text: `Yes, ${tutor}. Samantha is my sister.`,
        },
        { start: 7, end: 8, speaker: null, role: null, text: 'Nobody measured this.' },
      ],
    });
    const chatText = new TextDecoder().decode(files['chat/S1.json']);
    expect(JSON.parse(chatText)).toEqual({
      session: 'S1',
      messages: [
        {
          offsetSeconds: expect.any(Number),
          person: tutor,
          role: 'tutor',
          text: `${tutor} here: homework for S1 is page 12, ${student}`,
        },
        { offsetSeconds: expect.any(Number), person: student, role: 'student', text: `ok ${tutor}` },
      ],
    });
    for (const text of [transcriptText, chatText]) {
      for (const secret of [
        ...seats.flatMap((s) => [s.personId, s.identity]),
        agreed.sessionId,
        'Algebra',
        'Pat',
        'Dana',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(new TextDecoder().decode(files['README.txt'])).toContain('de-identified');
  });

  it('is for admins only; a missing export is 404', async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor');
    const reviewer = await signedInAs(t, 'reviewer');
    for (const who of [tutor, reviewer]) {
      expect((await asAccount(t, who, 'GET', '/api/admin/research')).status).toBe(403);
      expect((await asAccount(t, who, 'POST', '/api/admin/research/exports')).status).toBe(403);
      expect((await asAccount(t, who, 'GET', '/api/admin/research/exports/rexp_x/archive')).status).toBe(403);
    }
    const admin = await signedInAs(t, 'admin');
    expect((await asAccount(t, admin, 'GET', '/api/admin/research/exports/rexp_x/archive')).status).toBe(404);
    expect(await t.db.selectFrom('research_exports').selectAll().execute()).toEqual([]);
  });
});
