// The consent machine's vocabulary: who is in the room, what was asked, who said what, and the recorder.
// Everything is plain, JSON-serialisable data so the server can persist the state next to the session.

/** How the server placed a participant. 'unknown' is anyone it cannot place; they never count as consenting. */
export type ParticipantRole = 'tutor' | 'student' | 'guardian' | 'observer' | 'unknown';

/** A participant present in the LiveKit room, as the server admitted it (read from its attributes). */
export interface Participant {
  readonly role: ParticipantRole;
  /** The session person this participant speaks for. Without it the participant counts as unknown. */
  readonly personId?: string;
  /** Students only. A student counts as an adult only when this is exactly `false` (fail closed). */
  readonly minor?: boolean;
  /**
   * Service participants (the recorder itself) do not count towards consent (rule 2).
   * SECURITY: trusts the server's view of LiveKit's `hidden` permission, which only server-minted tokens carry.
   */
  readonly hidden: boolean;
  /** Guardians only: the students (personIds) this guardian consents for. */
  readonly guardianOf?: readonly string[];
  /**
   * LiveKit's participant session id (`PA_…`). A yes holds for one presence: LiveKit keeps the sid
   * across a resume and issues a new one for every new participant session of the same identity
   * (a reload, a full reconnect, joining again), so a new sid means the earlier presence ended.
   */
  readonly sid?: string;
}

/** Where a guardian's consent for a minor may come from (organisation policy, rule 3). */
export type GuardianConsentMode = 'in_call' | 'in_call_or_advance';

/** The organisation's settings the machine needs. */
export interface ConsentPolicy {
  readonly guardianConsentMode: GuardianConsentMode;
  /** How often a request's egress may fail (or end unasked) before the machine stops retrying it. */
  readonly maxEgressFailures: number;
}

/** A person's answer to the current request. Someone with no entry is pending. */
export type ConsentDecision = 'consented' | 'declined' | 'withdrawn';

/** A person's decision including the implicit `pending`. */
export type PersonDecision = ConsentDecision | 'pending';

/**
 * The current recording request (rule 1). A new request starts with no decisions: consent is never
 * carried over from an earlier request.
 */
export interface RecordingRequest {
  readonly requestId: string;
  readonly purpose: string;
  /** personId of the tutor or admin who asked. Asking is not consenting: they answer like everyone else. */
  readonly requestedBy: string;
  readonly noticeVersion: string;
  /**
   * 'open' until anyone declines or withdraws. A refusal closes the request for good: recording again
   * takes a new request that everyone answers afresh. When the room empties the request is gone
   * altogether (`request: null`): a new call needs a new request.
   */
  readonly status: 'open' | 'declined' | 'withdrawn';
  /**
   * Decisions by personId, for this request only. A yes lasts one presence: when the presence it was
   * given in ends (a leave, a reload, a disconnect timeout, a new participant session) it is removed,
   * and the person, back as a joiner, is pending again. Refusals stay: they closed the request.
   */
  readonly decisions: Readonly<Record<string, ConsentDecision>>;
  /** Egresses for this request that failed or ended without being asked to; reset when one becomes active. */
  readonly egressFailures: number;
}

/** Why the machine asks for an egress to stop. Never names a person. */
export type StopReason =
  | 'withdrawn'
  | 'declined'
  | 'cancelled'
  | 'request_replaced'
  | 'consent_missing'
  | 'room_empty'
  | 'unexpected_egress'
  /** The recorder did not begin capturing in time; a new attempt follows if consent still allows. */
  | 'start_timeout';

/**
 * The one egress the machine considers its own. `starting` without an id means the start command was
 * issued and its egress id is not known yet; `stopOnStart` records that it must be stopped the moment
 * its id is learnt. While an egress is `stopping` no other is started.
 */
export type EgressState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'starting';
      readonly requestId: string;
      /** The `attempt` of the start command, so a report that this very start failed is recognised. */
      readonly attempt: number;
      readonly egressId?: undefined;
      readonly stopOnStart?: StopReason;
    }
  | { readonly kind: 'starting'; readonly requestId: string; readonly egressId: string }
  | { readonly kind: 'active'; readonly requestId: string; readonly egressId: string }
  | { readonly kind: 'stopping'; readonly egressId: string; readonly reason: StopReason };

/** Everything the machine knows about one session's call. Treat as immutable. */
export interface ConsentState {
  readonly policy: ConsentPolicy;
  /** Present participants by LiveKit identity. */
  readonly participants: Readonly<Record<string, Participant>>;
  readonly request: RecordingRequest | null;
  readonly egress: EgressState;
  /**
   * Guardian consent given in advance on a guardian's account: student personId → purposes covered.
   * Counts only under `in_call_or_advance`.
   */
  readonly advanceGuardianConsent: Readonly<Record<string, readonly string[]>>;
  /** Every request id this session has used, so a replayed old request is recognised. */
  readonly usedRequestIds: readonly string[];
  /** Egress ids that are finished or were ordered to stop: late news about them is stale. */
  readonly retiredEgressIds: readonly string[];
  /** How many start commands this session has issued; numbers each `start_egress`. */
  readonly startAttempts: number;
}

/**
 * Something that happened. Answers (`consent`, `decline`, `withdraw`) name the request they answer and
 * are stored durably by the server before it runs the resulting commands (rule 6).
 *
 * Egress news comes from the start call's response (feed its egress id as `egress_started` at once),
 * from webhooks and from the reconciler (rule 10), so it may arrive duplicated, late or reordered. The
 * reconciler reports each egress LiveKit lists for the room by its status (`egress_started` or
 * `egress_active`: any that is not allowed gets a stop command, again if need be), and the machine's
 * egress once LiveKit no longer lists it as `egress_ended`, which frees a `stopping` egress whose
 * webhook was lost.
 */
export type ConsentEvent =
  | {
      readonly type: 'request';
      readonly requestId: string;
      readonly purpose: string;
      readonly requestedBy: string;
      readonly noticeVersion: string;
    }
  | { readonly type: 'consent'; readonly requestId: string; readonly personId: string }
  | { readonly type: 'decline'; readonly requestId: string; readonly personId: string }
  | { readonly type: 'withdraw'; readonly requestId: string; readonly personId: string }
  | { readonly type: 'cancel'; readonly requestId: string }
  | { readonly type: 'participant_joined'; readonly identity: string; readonly participant: Participant }
  /**
   * `sid`, when known, is the participant session that left: a late leave of an earlier session of an
   * identity already back in a new one is stale and ignored.
   */
  | {
      readonly type: 'participant_left';
      readonly identity: string;
      readonly sid?: string;
      /**
       * Who the identity speaks for, when the server knows: a presence the machine never saw begin (its
       * join news was lost) still ends that person's yes.
       */
      readonly personId?: string;
    }
  /** A resume (same participant session). With a different `participant.sid` it is a new presence. */
  | {
      readonly type: 'participant_reconnected';
      readonly identity: string;
      readonly participant?: Participant;
    }
  | {
      readonly type: 'advance_consent_changed';
      readonly studentPersonId: string;
      /** Purposes now covered; empty when the guardian revoked it. */
      readonly purposes: readonly string[];
    }
  | { readonly type: 'egress_started'; readonly egressId: string }
  | { readonly type: 'egress_active'; readonly egressId: string }
  | { readonly type: 'egress_ended'; readonly egressId: string }
  | { readonly type: 'egress_failed'; readonly egressId: string }
  /** The egress has not reported EGRESS_ACTIVE within the time allowed since it was started. */
  | { readonly type: 'egress_start_timed_out'; readonly egressId: string }
  /** The start call for this `start_egress` attempt failed before any egress id existed. */
  | { readonly type: 'egress_start_failed'; readonly attempt: number };

/** What the server must do as a result of a transition. */
export type ConsentCommand =
  | { readonly type: 'start_egress'; readonly requestId: string; readonly attempt: number }
  | { readonly type: 'stop_egress'; readonly egressId: string; readonly reason: StopReason };

/** Why an event changed nothing (or only led to stopping a stray egress). */
export type IgnoredReason =
  | 'no_request'
  | 'stale_request'
  | 'duplicate'
  | 'request_closed'
  | 'decision_final'
  | 'unknown_participant'
  /** A leave of a participant session that an identity's newer session already replaced. */
  | 'stale_presence'
  | 'stale_egress';

/** The result of `transition`. */
export interface TransitionResult {
  readonly state: ConsentState;
  readonly commands: readonly ConsentCommand[];
  readonly ignored?: IgnoredReason;
}
