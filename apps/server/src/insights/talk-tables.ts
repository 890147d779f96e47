/** Talk time: stretches of speaking per seat, from LiveKit's speaker updates (never audio). */
export interface TalkIntervalsTable {
  id: string;
  session_id: string;
  /** The seat (people.id) and its LiveKit identity when it spoke. */
  person_id: string;
  identity: string;
  started_at: string;
  /** Null while the stretch goes on; closed at the speaker's leave or the room's end at the latest. */
  ended_at: string | null;
}

/** Each time the observer watched a session's room; the insights' time axis and proof it was measured. */
export interface TalkObservationsTable {
  id: string;
  session_id: string;
  room_name: string;
  observer_identity: string;
  /** The policy version in force (its talk-time setting and notice) when the observer attached. */
  policy_version: number;
  started_at: string;
  ended_at: string | null;
  /** Set when this session's talk time was destroyed (retention, a decision); the row stays as the record. */
  destroyed_at: string | null;
}

export interface TalkTables {
  talk_intervals: TalkIntervalsTable;
  talk_observations: TalkObservationsTable;
}
