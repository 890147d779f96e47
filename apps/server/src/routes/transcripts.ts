/** A recording's transcript, for whoever may watch the recording; every reading audited. */
import { RecordingTranscript } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { readTranscript } from '../transcripts/transcript-read';
import { cookieAuth, errorResponse, json } from './error-responses';

const TranscriptParams = z.object({ recordingId: z.string().min(1).max(64) });

const getTranscript = createRoute({
  method: 'get',
  path: '/recordings/{recordingId}/transcript',
  tags: ['recordings'],
  summary: 'The recording’s transcript, each line with who was speaking (from talk time); audited',
  ...cookieAuth,
  request: { params: TranscriptParams },
  responses: {
    200: { description: 'The transcript and its status', content: json(RecordingTranscript) },
    401: errorResponse('unauthorized'),
    404: errorResponse('not_found: no such recording, or not one the caller may watch'),
  },
});

export const transcriptRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  getTranscript,
  async (c) => {
    const actor = await requireActor(c);
    const { db, consent, vault, now } = c.var.deps;
    const { recordingId } = c.req.valid('param');
    const transcript = await readTranscript(
      { db, policies: consent.policies, vault, now },
      actor,
      recordingId,
    );
    c.header('Cache-Control', 'no-store');
    return c.json(transcript, 200);
  },
);
