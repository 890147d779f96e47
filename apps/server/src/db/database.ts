import type { Kysely, Transaction } from 'kysely';
import type { AuditTables } from '../audit/audit-tables';
import type { BoardTables } from '../board/board-tables';
import type { CalendarTables } from '../calendar/calendar-tables';
import type { ChatTables } from '../chat/chat-tables';
import type { ConsentTables } from '../consent/consent-tables';
import type { TalkTables } from '../insights/talk-tables';
import type { SeatLinkTables } from '../invites/seat-link-tables';
import type { AuthGuardTables } from '../people/auth-guard-tables';
import type { FamilyTables } from '../people/family-tables';
import type { PeopleTables } from '../people/people-tables';
import type { PolicyTables } from '../policy/policy-tables';
import type { PresenceTables } from '../presence/presence-tables';
import type { RightsTables } from '../rights/rights-tables';
import type { SessionTables } from '../sessions/session-tables';
import type { TranscriptTables } from '../transcripts/transcript-tables';
import type { VaultTables } from '../vault/vault-tables';

/** The whole schema, composed from each feature's tables. */
export interface Database
  extends SessionTables,
    PresenceTables,
    ConsentTables,
    PeopleTables,
    PolicyTables,
    AuditTables,
    VaultTables,
    RightsTables,
    AuthGuardTables,
    ChatTables,
    BoardTables,
    FamilyTables,
    SeatLinkTables,
    CalendarTables,
    TalkTables,
    TranscriptTables {}

export type Db = Kysely<Database>;
/** Repositories accept either, so callers decide the transaction boundary. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;
