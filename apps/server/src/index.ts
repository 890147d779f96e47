/** Boots the server: config, database migrations, then listen; stops cleanly on SIGTERM/SIGINT. */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { boardLayoutKey } from './board/layout-key';
import { createCalendarWorker } from './calendar/calendar-worker';
import { composeCore } from './compose-core';
import { type Config, ConfigError, loadConfig } from './config';
import { createReconciler } from './consent/reconciler';
import { connectDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { announceFirstRun } from './enrolment/first-run';
import { createTalkObserver } from './insights/talk-observer';
import { createLiveKitEgress } from './livekit/egress';
import { createRoomService } from './livekit/room-service';
import { rtcNodeTalkRoom } from './livekit/talk-room';
import { createLogger } from './logger';
import { createMailer } from './mail/mailer';
import { ensureDefaultPolicy } from './policy/policy-service';
import { findSessionByRoom } from './sessions/session-repository';
import { createTranscriptWorker } from './transcripts/transcript-worker';
import { transcriberFromConfig } from './transcripts/whisper-transcriber';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const logger = createLogger(config.logLevel);
const { db, kind } = connectDatabase(config.database);

try {
  const applied = await migrateToLatest(db);
  // Version 1 of the organisation's policy on a fresh database, from RECORDING_* defaults.
  const policy = await ensureDefaultPolicy(db, config.recording, new Date());
  logger.info({ database: kind, applied, policyVersion: policy.version }, 'database ready');
} catch (err) {
  logger.fatal({ err }, 'database migration or default policy failed');
  await db.destroy();
  process.exit(1);
}

const roomService = createRoomService(config.livekit.apiUrl, config.livekit);
const egress = createLiveKitEgress(config.livekit.apiUrl, config.livekit, {
  requestTimeoutSeconds: config.recording.egressStartTimeoutSeconds,
  layoutUrl: config.recording.layoutUrl,
  layoutDetails: async (roomName) => {
    const session = await findSessionByRoom(db, roomName);
    // The layout page reads the whiteboard with a key of its own: egress's browser holds no credential.
    const boardKey = session ? boardLayoutKey(config.inviteSecret, session.id, new Date()) : undefined;
    return { title: session?.title, boardKey };
  },
});
const now = () => new Date();
const { vault, consent, policies } = composeCore({ config, db, logger, now, egress, roomService });
// Talk time: one hidden observer per live room whose policy measures it (speaker updates only, never audio).
const talk = createTalkObserver({
  db,
  policies,
  logger: logger.child({ component: 'talk-time' }),
  now,
  livekit: { url: config.livekit.url, apiKey: config.livekit.apiKey, apiSecret: config.livekit.apiSecret },
  connect: rtcNodeTalkRoom,
  roomService,
});
const reconciler = createReconciler({
  db,
  consent,
  roomService,
  egress,
  logger: logger.child({ component: 'reconciler' }),
  intervalMs: config.recording.reconcileIntervalSeconds * 1000,
  activeTimeoutMs: config.recording.egressActiveTimeoutSeconds * 1000,
  now,
  talk,
});
// Calendar mail and reminders, from the durable job table (calendar/calendar-queue.ts writes it).
const calendar = createCalendarWorker({
  db,
  mailer: createMailer(config.mail, logger),
  logger,
  now,
  publicUrl: config.publicUrl,
  pollMs: config.jobPollMs,
});
// Transcripts of stored recordings, made on this machine; off without ASSENT_TRANSCRIBER_PYTHON.
const transcriber = transcriberFromConfig(config.transcriber, logger.child({ component: 'transcriber' }));
const transcripts = transcriber
  ? createTranscriptWorker({
      db,
      vault,
      policies: consent.policies,
      transcriber,
      logger,
      now,
      pollMs: config.jobPollMs,
    })
  : undefined;
// A stored recording is transcribed at once, not at the worker's next poll.
if (transcripts) vault.afterStored(() => transcripts.wake());

const app = createApp({ config, db, logger, roomService, egress, consent, vault, now, talk });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  logger.info(
    { url: `http://${info.address}:${info.port}`, publicUrl: config.publicUrl },
    'assent server listening',
  );
  reconciler.start();
  vault.start();
  calendar.start();
  talk.recover().catch((err) => logger.error({ err }, 'talk time recovery failed'));
  transcripts?.start();
  announceFirstRun({ db, config, logger, now }).catch((err) =>
    logger.error({ err }, 'first-run link failed'),
  );
});

let stopping = false;
function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Give in-flight requests a moment, then go regardless: a stuck socket must not block a deploy.
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  server.close(async () => {
    await reconciler.stop();
    await calendar.stop();
    await talk.stop();
    await transcripts?.stop();
    await consent.idle();
    await vault.stop();
    await db.destroy();
    logger.info('stopped');
    process.exit(0);
  });
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
