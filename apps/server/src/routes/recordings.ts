/**
 * The vault's recordings for signed-in people: the list of what each may watch, one recording with the
 * consents it was made under, a playback grant (the one audited view), the media itself (decrypted
 * as it streams, with HTTP Range) and, for admins, the deletion records. A recording that does not
 * exist and one the caller may not see answer alike (404), and the refusal is audited.
 */
import { Readable } from 'node:stream';
import { DeletionRecordList, PlaybackGrant, RecordingDetail, RecordingList } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { auditDenied } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { type Actor, requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { can, organisation } from '../people/can';
import { toDeletionRecord } from '../vault/deletion-records';
import { accessOf, recordingResource } from '../vault/recording-access';
import { recordingConsents } from '../vault/recording-consents';
import { recordingList, summaryFor } from '../vault/recording-list';
import { findRecording, listDeletionRecords, type Recording } from '../vault/recording-repository';
import { decideRange } from '../vault/vault';
import { createView, findLiveView } from '../vault/views';
import { wrappedKeyOf } from '../vault/wrapped-keys';
import { cookieAuth, errorResponse, json } from './error-responses';

const RecordingParams = z.object({ id: z.string().min(1).max(64) });
const MediaQuery = z.object({ view: z.string().min(1).max(64) });

const notFoundMessage = 'There is no such recording, or you may not watch it.';
const notFound = () => new AppError(404, 'not_found', notFoundMessage);

const listRecordings = createRoute({
  method: 'get',
  path: '/recordings',
  tags: ['recordings'],
  summary: 'Recordings the caller may watch under the policy',
  ...cookieAuth,
  responses: {
    200: { description: 'Recordings', content: json(RecordingList) },
    401: errorResponse('unauthorized'),
  },
});

const getRecording = createRoute({
  method: 'get',
  path: '/recordings/{id}',
  tags: ['recordings'],
  summary: 'One recording and the consent entries it was recorded under',
  ...cookieAuth,
  request: { params: RecordingParams },
  responses: {
    200: { description: 'The recording', content: json(RecordingDetail) },
    401: errorResponse('unauthorized'),
    404: errorResponse('not_found: no such recording, or not one the caller may watch'),
  },
});

const startPlayback = createRoute({
  method: 'post',
  path: '/recordings/{id}/playback',
  tags: ['recordings'],
  summary: 'Start watching: one audited view, whose media URL serves the range requests that follow',
  ...cookieAuth,
  request: { params: RecordingParams },
  responses: {
    200: { description: 'Playback grant', content: json(PlaybackGrant) },
    401: errorResponse('unauthorized'),
    404: errorResponse('not_found: no such recording, or not one the caller may watch'),
  },
});

const getMedia = createRoute({
  method: 'get',
  path: '/recordings/{id}/media',
  tags: ['recordings'],
  summary: 'The recording itself, decrypted as it streams; HTTP Range for seeking; never cached',
  ...cookieAuth,
  request: { params: RecordingParams, query: MediaQuery },
  responses: {
    200: { description: 'The whole recording (video/mp4)' },
    206: { description: 'One byte range of it' },
    401: errorResponse('unauthorized'),
    404: errorResponse('not_found: no such recording or view, the view expired, or not the caller’s'),
    416: errorResponse('range_not_satisfiable: malformed, reversed or past the end'),
  },
});

const listDeletions = createRoute({
  method: 'get',
  path: '/admin/deletions',
  tags: ['recordings'],
  summary: 'Deletion records: what was destroyed, when, why and by whom (admins only)',
  ...cookieAuth,
  responses: {
    200: { description: 'Deletion records', content: json(DeletionRecordList) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

/** The stored recording and why the actor may watch it; a 404 (audited) otherwise. */
async function watchable(
  c: Context<AppEnv>,
  actor: Actor,
  id: string,
  action: 'recording.read' | 'recording.view',
) {
  const { db, consent, now } = c.var.deps;
  const recording = await findRecording(db, id);
  const view =
    recording?.status === 'stored'
      ? await recordingResource({ db, policies: consent.policies }, recording, now())
      : undefined;
  const access = view && accessOf(actor, view);
  if (!recording || !view || !access) {
    await auditDenied(db, {
      actor,
      action,
      target: { type: 'recording', id },
      detail: { reason: recording?.status === 'stored' ? 'not_allowed' : 'not_found' },
      at: now(),
    });
    throw notFound();
  }
  return { recording: recording as Recording, view, access };
}

/** Whether `can` still lets the actor watch the recording now; cheap enough for every range request. */
async function mayStillWatch(
  deps: Pick<AppEnv['Variables']['deps'], 'db' | 'consent'>,
  actor: Actor,
  recording: Recording,
  at: Date,
): Promise<boolean> {
  const view = await recordingResource({ db: deps.db, policies: deps.consent.policies }, recording, at);
  return accessOf(actor, view) !== undefined;
}

function mediaHeaders(size: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': 'video/mp4',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'Content-Disposition': 'inline',
    'Content-Length': String(size),
    ...extra,
  };
}

export const recordingsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listRecordings, async (c) => {
    const actor = await requireActor(c);
    const { db, consent, now } = c.var.deps;
    return c.json(await recordingList({ db, policies: consent.policies }, actor, now()), 200);
  })
  .openapi(getRecording, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    const { recording, view, access } = await watchable(c, actor, id, 'recording.read');
    const summary = await summaryFor(c.var.deps.db, recording, view, access);
    const reader = { seesRefusals: can(actor, 'consent_refusals.read', organisation) };
    return c.json({ ...summary, consents: await recordingConsents(c.var.deps.db, recording, reader) }, 200);
  })
  .openapi(startPlayback, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    const { recording, view, access } = await watchable(c, actor, id, 'recording.view');
    const grant = await createView(c.var.deps, actor, recording, view.terms, access);
    return c.json(grant, 200);
  })
  .openapi(getMedia, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    const { view: viewId } = c.req.valid('query');
    const { db, vault, now } = c.var.deps;
    const live = await findLiveView(db, viewId, actor.userId, id, now());
    const recording = live && (await findRecording(db, id));
    const wrapped = recording?.status === 'stored' ? await wrappedKeyOf(db, 'recording', id) : undefined;
    // The access decision again, on every request: a view streams only while the caller may still watch
    // (policy narrowed, report closed, playback window ended, account disabled all end it at once).
    const stillAllowed = recording && wrapped && (await mayStillWatch(c.var.deps, actor, recording, now()));
    if (!recording || !wrapped || !stillAllowed) {
      await auditDenied(db, {
        actor,
        action: 'recording.media',
        target: { type: 'recording', id },
        detail: { reason: !live ? 'no_live_view' : !wrapped ? 'not_stored' : 'access_ended', viewId },
        at: now(),
      });
      throw notFound();
    }
    const size = recording.sizeBytes ?? 0;
    const range = decideRange(c.req.header('Range'), size);
    if (range.kind === 'unsatisfiable') {
      return c.json(
        { error: { code: 'range_not_satisfiable', message: 'That byte range is not in this recording.' } },
        416,
        { 'Content-Range': `bytes */${size}`, 'Cache-Control': 'no-store' },
      );
    }
    if (size === 0) return c.body(null, 200, mediaHeaders(0));
    const [start, end] = range.kind === 'whole' ? [0, size - 1] : [range.start, range.end];
    const plaintext = await vault.openPlaintext(id, { start, end });
    const body = Readable.toWeb(plaintext) as ReadableStream<Uint8Array>;
    if (range.kind === 'whole') return c.body(body, 200, mediaHeaders(size));
    return c.body(
      body,
      206,
      mediaHeaders(end - start + 1, { 'Content-Range': `bytes ${start}-${end}/${size}` }),
    );
  })
  .openapi(listDeletions, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'deletions.read', organisation);
    const rows = await listDeletionRecords(c.var.deps.db);
    return c.json({ records: rows.map(toDeletionRecord) }, 200);
  });
