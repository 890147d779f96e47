/** Stored consent state, the append-only log and recording segments. Rows become domain objects here. */
import { type ConsentLogEntry, type ConsentState, createConsentState } from '@assent/shared';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import { finishedEgressStatuses } from '../livekit/egress';
import type { ConsentLogTable } from './consent-tables';

export interface StoredConsent {
  sessionId: string;
  roomName: string;
  state: ConsentState;
  version: number;
  updatedAt: string;
}

export type ConsentLogKind = ConsentLogTable['kind'];

export interface ConsentLogRecord {
  id: string;
  seq: number;
  sessionId: string;
  personId: string;
  personName: string;
  role: string;
  kind: ConsentLogKind;
  requestId: string;
  purpose: string;
  noticeVersion: string;
  clientRequestId: string;
  userAgent: string | null;
  at: string;
}

const isPostgres = (db: DbOrTrx) => db.getExecutor().adapter instanceof PostgresAdapter;

const parseState = (json: string | null): ConsentState =>
  json === null ? createConsentState() : (JSON.parse(json) as ConsentState);

/**
 * Loads a session's consent state, locking its row until the transaction ends. PostgreSQL takes a
 * row lock (`for update`); on SQLite kysely runs every transaction on its one connection, one at a time.
 * Undefined when the session does not exist.
 */
export async function lockConsent(trx: DbOrTrx, sessionId: string): Promise<StoredConsent | undefined> {
  const select = () =>
    trx
      .selectFrom('session_consent')
      .innerJoin('sessions', 'sessions.id', 'session_consent.session_id')
      .select([
        'session_consent.state',
        'session_consent.version',
        'session_consent.updated_at',
        'sessions.room_name',
      ])
      .where('session_consent.session_id', '=', sessionId)
      .$if(isPostgres(trx), (qb) => qb.forUpdate())
      .executeTakeFirst();
  let row = await select();
  if (!row) {
    // Sessions get their row when created; this covers any made before, without racing another writer.
    const session = await trx
      .selectFrom('sessions')
      .select('created_at')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (!session) return undefined;
    await trx
      .insertInto('session_consent')
      .values({ session_id: sessionId, state: null, version: 0, updated_at: session.created_at })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .execute();
    row = await select();
    if (!row) return undefined;
  }
  return {
    sessionId,
    roomName: row.room_name,
    state: parseState(row.state),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Reads without locking (for display). */
export async function readConsent(db: DbOrTrx, sessionId: string): Promise<StoredConsent | undefined> {
  const row = await db
    .selectFrom('sessions')
    .leftJoin('session_consent', 'session_consent.session_id', 'sessions.id')
    .select([
      'sessions.room_name',
      'sessions.created_at',
      'session_consent.state',
      'session_consent.version',
      'session_consent.updated_at',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sessionId,
    roomName: row.room_name,
    state: parseState(row.state),
    version: row.version ?? 0,
    updatedAt: row.updated_at ?? row.created_at,
  };
}

export async function saveConsent(
  trx: DbOrTrx,
  sessionId: string,
  state: ConsentState,
  version: number,
  updatedAt: string,
): Promise<void> {
  await trx
    .updateTable('session_consent')
    .set({ state: JSON.stringify(state), version, updated_at: updatedAt })
    .where('session_id', '=', sessionId)
    .execute();
}

/**
 * The reconciler's work list: sessions whose stored state involves a call or an egress, sessions
 * touched (or created) since `recentSince` (people may be in the room without any webhook having told
 * us), and those of `alsoRooms` (rooms where LiveKit lists an egress).
 */
export async function listLiveConsent(
  db: DbOrTrx,
  options: { alsoRooms?: readonly string[]; recentSince: string },
): Promise<StoredConsent[]> {
  const alsoRooms = options.alsoRooms ?? [];
  const rows = await db
    .selectFrom('sessions')
    .leftJoin('session_consent', 'session_consent.session_id', 'sessions.id')
    .select([
      'sessions.id',
      'sessions.room_name',
      'sessions.created_at',
      'session_consent.state',
      'session_consent.version',
      'session_consent.updated_at',
    ])
    .where((eb) =>
      eb.or([
        eb('session_consent.state', 'is not', null),
        eb('sessions.created_at', '>=', options.recentSince),
        ...(alsoRooms.length > 0 ? [eb('sessions.room_name', 'in', alsoRooms)] : []),
      ]),
    )
    .execute();
  const extra = new Set(alsoRooms);
  return rows
    .map((row) => ({
      sessionId: row.id,
      roomName: row.room_name,
      state: parseState(row.state),
      version: row.version ?? 0,
      updatedAt: row.updated_at ?? row.created_at,
    }))
    .filter(
      ({ state, roomName, updatedAt }) =>
        extra.has(roomName) ||
        updatedAt >= options.recentSince ||
        Object.keys(state.participants).length > 0 ||
        state.egress.kind !== 'idle',
    );
}

const toLogRecord = (row: Selectable<ConsentLogTable>): ConsentLogRecord => ({
  id: row.id,
  seq: row.seq,
  sessionId: row.session_id,
  personId: row.person_id,
  personName: row.person_name,
  role: row.role,
  kind: row.kind,
  requestId: row.request_id,
  purpose: row.purpose,
  noticeVersion: row.notice_version,
  clientRequestId: row.client_request_id,
  userAgent: row.user_agent,
  at: row.at,
});

/**
 * An entry the server writes on someone's behalf names its cause in place of a client's request id (a
 * client's is always a UUID): `do-not-record:<preference change id>` for a request cancelled by a
 * standing "do not record". The consent log has no column of its own for why.
 */
export const doNotRecordEntryId = (preferenceChangeId: string) => `do-not-record:${preferenceChangeId}`;

const reasonOf = (clientRequestId: string): ConsentLogEntry['reason'] =>
  clientRequestId.startsWith('do-not-record:') ? 'do_not_record' : undefined;

export const toLogEntry = (record: ConsentLogRecord): ConsentLogEntry => {
  const reason = reasonOf(record.clientRequestId);
  return {
    id: record.id,
    at: record.at,
    kind: record.kind,
    personName: record.personName,
    role: record.role,
    purpose: record.purpose,
    requestId: record.requestId,
    noticeVersion: record.noticeVersion,
    ...(reason ? { reason } : {}),
  };
};

export async function appendConsentLog(trx: DbOrTrx, record: ConsentLogRecord): Promise<void> {
  await trx
    .insertInto('consent_log')
    .values({
      id: record.id,
      seq: record.seq,
      session_id: record.sessionId,
      person_id: record.personId,
      person_name: record.personName,
      role: record.role,
      kind: record.kind,
      request_id: record.requestId,
      purpose: record.purpose,
      notice_version: record.noticeVersion,
      client_request_id: record.clientRequestId,
      user_agent: record.userAgent,
      at: record.at,
    })
    .execute();
}

export async function findLogByClientRequest(
  db: DbOrTrx,
  personId: string,
  clientRequestId: string,
): Promise<ConsentLogRecord | undefined> {
  const row = await db
    .selectFrom('consent_log')
    .selectAll()
    .where('person_id', '=', personId)
    .where('client_request_id', '=', clientRequestId)
    .executeTakeFirst();
  return row ? toLogRecord(row) : undefined;
}

/** The session's log in the order it was written; only one person's entries when `personId` is given. */
export async function listConsentLog(
  db: DbOrTrx,
  sessionId: string,
  personId?: string,
): Promise<ConsentLogRecord[]> {
  const rows = await db
    .selectFrom('consent_log')
    .selectAll()
    .where('session_id', '=', sessionId)
    .$if(personId !== undefined, (qb) => qb.where('person_id', '=', personId ?? ''))
    .orderBy('seq')
    .orderBy('at')
    .execute();
  return rows.map(toLogRecord);
}

export interface SegmentUpdate {
  egressId: string;
  sessionId: string;
  requestId?: string;
  status: string;
  startedAt?: string;
  endedAt?: string;
  /** When the file's media begins, as egress reports it (later than `startedAt`). */
  mediaStartedAt?: string;
  /** What egress reports as its file: recorded, never used. */
  filePath?: string;
  /** The path Assent chose when it started the egress: the only one the vault ever opens. */
  chosenPath?: string;
  error?: string;
  updatedAt: string;
}

/** Creates or updates an egress's segment row; fields not given keep what is stored. */
export async function upsertSegment(db: DbOrTrx, segment: SegmentUpdate): Promise<void> {
  const known = {
    ...(segment.requestId !== undefined ? { request_id: segment.requestId } : {}),
    ...(segment.startedAt !== undefined ? { started_at: segment.startedAt } : {}),
    ...(segment.endedAt !== undefined ? { ended_at: segment.endedAt } : {}),
    ...(segment.mediaStartedAt !== undefined ? { media_started_at: segment.mediaStartedAt } : {}),
    ...(segment.filePath !== undefined ? { file_path: segment.filePath } : {}),
    ...(segment.error !== undefined ? { error: segment.error } : {}),
  };
  await db
    .insertInto('recording_segments')
    .values({
      egress_id: segment.egressId,
      session_id: segment.sessionId,
      request_id: segment.requestId ?? null,
      status: segment.status,
      started_at: segment.startedAt ?? null,
      ended_at: segment.endedAt ?? null,
      media_started_at: segment.mediaStartedAt ?? null,
      file_path: segment.filePath ?? null,
      chosen_path: segment.chosenPath ?? null,
      error: segment.error ?? null,
      updated_at: segment.updatedAt,
    })
    .onConflict((oc) =>
      oc
        .column('egress_id')
        .doUpdateSet({ ...known, status: segment.status, updated_at: segment.updatedAt })
        // Webhooks may arrive out of order: a finished segment keeps its final status.
        .where('recording_segments.status', 'not in', [...finishedEgressStatuses]),
    )
    .execute();
  // Who started it and where it writes hold whatever order the news came in (its end may be reported
  // before our own start call returns).
  if (segment.chosenPath !== undefined || segment.requestId !== undefined) {
    await db
      .updateTable('recording_segments')
      .set({
        ...(segment.chosenPath !== undefined ? { chosen_path: segment.chosenPath } : {}),
        ...(segment.requestId !== undefined ? { request_id: segment.requestId } : {}),
      })
      .where('egress_id', '=', segment.egressId)
      .execute();
  }
}

/** When a still-starting egress's segment was last touched, if it is still starting. */
export async function startingSince(db: DbOrTrx, egressId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('recording_segments')
    .select('updated_at')
    .where('egress_id', '=', egressId)
    .where('status', '=', 'EGRESS_STARTING')
    .executeTakeFirst();
  return row?.updated_at;
}
