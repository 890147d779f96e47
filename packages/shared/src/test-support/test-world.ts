// The test model for the consent machine's property tests: the machine, a simulated LiveKit egress
// service around it, and an oracle that tracks what the consent rules say, all checked after every step.
import { expect } from 'vitest';
import { bannerFor } from '../consent/consent-banner';
import { currentEgressId } from '../consent/consent-egress';
import { createConsentState, transition } from '../consent/consent-machine';
import { canRecord } from '../consent/consent-policy';
import type {
  ConsentDecision,
  ConsentEvent,
  ConsentPolicy,
  ConsentState,
  Participant,
  TransitionResult,
} from '../consent/consent-types';
import { cast } from './consent-steps';

export const identities: Readonly<Record<string, Participant>> = {
  ...cast,
  'tutor-second-tab': cast.tutor,
  'student-age-unknown': { role: 'student', personId: 'p-minor2', hidden: false },
  'guardian-of-both': {
    role: 'guardian',
    personId: 'p-guardian2',
    guardianOf: ['p-minor', 'p-minor2'],
    hidden: false,
  },
};
export const identityNames = Object.keys(identities);
const humanIdentities = identityNames.filter((name) => !identities[name]?.hidden);
export const personIds = [
  'p-tutor',
  'p-adult',
  'p-minor',
  'p-guardian',
  'p-other-guardian',
  'p-minor2',
  'p-guardian2',
  'p-newcomer',
  'p-observer',
];
export const purposes = ['quality_assurance', 'safeguarding'];

/** One egress as LiveKit would see it. */
interface SimEgress {
  readonly id: string;
  readonly own: boolean;
  /** The start command's attempt number, for own egresses. */
  readonly attempt: number;
  phase: 'starting' | 'active' | 'ended';
  stopSent: boolean;
  /** Whether any event naming it has reached the machine. */
  announced: boolean;
}

/** What the rules say, tracked independently of the machine. */
interface Oracle {
  requestId: string | null;
  purpose: string;
  status: 'open' | 'declined' | 'withdrawn';
  decisions: Map<string, ConsentDecision>;
  used: string[];
  present: Map<string, Participant>;
  advance: Map<string, readonly string[]>;
}

/** How often the interesting situations came up, so the runs cannot quietly become trivial. */
const coverage = {
  recordingStarted: 0,
  stoppedByRefusal: 0,
  stoppedByJoiner: 0,
  stoppedStray: 0,
  stopMarked: 0,
  /** A stop because a consenting person's presence ended (a leave, a reload, a crash timing out). */
  stoppedByPresenceEnd: 0,
  /** A yes taken off the request because the presence it was given in ended. */
  consentEndedWithPresence: 0,
  /** The room emptied and the request closed. */
  requestClosedByEmptyRoom: 0,
};

function tally(before: ConsentState, event: ConsentEvent, result: TransitionResult): void {
  const stopped = result.commands.some((c) => c.type === 'stop_egress');
  if (before.egress.kind === 'starting' && result.state.egress.kind === 'active') coverage.recordingStarted++;
  if (stopped && (event.type === 'withdraw' || event.type === 'decline')) coverage.stoppedByRefusal++;
  if (stopped && event.type === 'participant_joined') coverage.stoppedByJoiner++;
  if (stopped && result.ignored === 'stale_egress') coverage.stoppedStray++;
  const marked = (egress: ConsentState['egress']) =>
    egress.kind === 'starting' && egress.egressId === undefined && egress.stopOnStart !== undefined;
  if (!marked(before.egress) && marked(result.state.egress)) coverage.stopMarked++;
  const presenceNews =
    event.type === 'participant_joined' ||
    event.type === 'participant_left' ||
    event.type === 'participant_reconnected';
  const yeses = (state: ConsentState) =>
    Object.values(state.request?.decisions ?? {}).filter((d) => d === 'consented').length;
  const ended = presenceNews && before.request?.requestId === result.state.request?.requestId;
  if (ended && yeses(result.state) < yeses(before)) {
    coverage.consentEndedWithPresence++;
    if (stopped) coverage.stoppedByPresenceEnd++;
  }
  if (event.type === 'participant_left' && before.request && !result.state.request) {
    coverage.requestClosedByEmptyRoom++;
  }
}

export function expectCoverage(): void {
  for (const [situation, count] of Object.entries(coverage)) {
    expect(count, situation).toBeGreaterThan(20);
    coverage[situation as keyof typeof coverage] = 0;
  }
}

/** The machine, an egress simulator around it, and the oracle, checked after every step. */
export class World {
  state: ConsentState;
  readonly egresses = new Map<string, SimEgress>();
  /** Egress news on its way to the machine, in no particular order. */
  readonly inbox: ConsentEvent[] = [];
  readonly oracle: Oracle;
  foreignSeen = false;
  private counter = 0;

  constructor(readonly policy: ConsentPolicy) {
    this.state = createConsentState({ policy });
    this.oracle = {
      requestId: null,
      purpose: '',
      status: 'open',
      decisions: new Map(),
      used: [],
      present: new Map(),
      advance: new Map(),
    };
  }

  fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Feed one event to the machine, run its commands against the simulator, then check every invariant. */
  step(event: ConsentEvent): TransitionResult {
    const before = this.state;
    const result = transition(before, event);
    tally(before, event, result);
    this.state = result.state;
    if ('egressId' in event && event.egressId !== undefined) {
      const egress = this.egresses.get(event.egressId);
      if (egress) egress.announced = true;
    }
    for (const command of result.commands) {
      if (command.type === 'start_egress') {
        const id = this.fresh('e');
        const attempt = command.attempt;
        this.egresses.set(id, {
          id,
          own: true,
          attempt,
          phase: 'starting',
          stopSent: false,
          announced: false,
        });
        this.inbox.push({ type: 'egress_started', egressId: id });
      } else {
        const egress = this.egresses.get(command.egressId);
        if (egress) egress.stopSent = true;
      }
    }
    this.observe(event);
    this.check(before, event, result);
    return result;
  }

  private observe(event: ConsentEvent): void {
    const o = this.oracle;
    const answers = (requestId: string) => o.requestId !== null && o.requestId === requestId;
    switch (event.type) {
      case 'request':
        if (o.requestId === event.requestId || o.used.includes(event.requestId)) return;
        Object.assign(o, { requestId: event.requestId, purpose: event.purpose, status: 'open' });
        o.decisions = new Map();
        o.used.push(event.requestId);
        return;
      case 'consent':
        if (answers(event.requestId) && o.status === 'open' && !o.decisions.has(event.personId)) {
          o.decisions.set(event.personId, 'consented');
        }
        return;
      case 'decline':
      case 'withdraw': {
        const prior = o.decisions.get(event.personId);
        if (!answers(event.requestId) || prior === 'declined' || prior === 'withdrawn') return;
        const decision = prior === 'consented' ? 'withdrawn' : 'declined';
        o.decisions.set(event.personId, decision);
        if (o.status === 'open') o.status = decision;
        return;
      }
      case 'cancel':
        if (answers(event.requestId)) o.requestId = null;
        return;
      case 'participant_joined':
        this.oracleJoined(event.identity, event.participant);
        return;
      case 'participant_left': {
        const known = o.present.get(event.identity);
        if (!known) {
          if (event.personId !== undefined)
            this.oracleEndPresence({ role: 'unknown', hidden: false, personId: event.personId });
          const empty = ![...o.present.values()].some((p) => !p.hidden);
          if (event.personId !== undefined && empty) o.requestId = null;
          return;
        }
        if (event.sid !== undefined && known.sid !== undefined && event.sid !== known.sid) return;
        this.oracleEndPresence(known);
        o.present.delete(event.identity);
        if (!known.hidden && ![...o.present.values()].some((p) => !p.hidden)) o.requestId = null;
        return;
      }
      case 'participant_reconnected': {
        const known = o.present.get(event.identity);
        if (known && event.participant) this.oracleJoined(event.identity, event.participant);
        else o.present.set(event.identity, event.participant ?? known ?? { role: 'unknown', hidden: false });
        return;
      }
      case 'advance_consent_changed':
        o.advance.set(event.studentPersonId, event.purposes);
        return;
      default:
        return;
    }
  }

  /** Rule 5: a new participant session at a present identity ends the earlier presence. */
  private oracleJoined(identity: string, participant: Participant): void {
    const known = this.oracle.present.get(identity);
    if (known && !(known.sid !== undefined && known.sid === participant.sid)) this.oracleEndPresence(known);
    this.oracle.present.set(identity, participant);
  }

  /** A yes lasts one presence: when it ends, the person is pending again (a refusal stays). */
  private oracleEndPresence(participant: Participant): void {
    const { personId } = participant;
    if (personId !== undefined && this.oracle.decisions.get(personId) === 'consented') {
      this.oracle.decisions.delete(personId);
    }
  }

  /** Rules 2 and 3 restated over the oracle's own bookkeeping. */
  oracleAllows(): boolean {
    const o = this.oracle;
    if (o.requestId === null || o.status !== 'open') return false;
    const counted = [...o.present.values()].filter((p) => !p.hidden);
    const consented = (personId: string | undefined) =>
      personId !== undefined && o.decisions.get(personId) === 'consented';
    const guardianOk = (student: string) =>
      counted.some(
        (g) => g.role === 'guardian' && g.guardianOf?.includes(student) && consented(g.personId),
      ) ||
      (this.policy.guardianConsentMode === 'in_call_or_advance' &&
        (o.advance.get(student) ?? []).includes(o.purpose));
    return (
      counted.length > 0 &&
      counted.every(
        (p) =>
          p.role !== 'unknown' &&
          p.personId !== undefined &&
          consented(p.personId) &&
          (p.role !== 'student' || p.minor === false || guardianOk(p.personId)),
      )
    );
  }

  private running(): SimEgress[] {
    return [...this.egresses.values()].filter((e) => e.phase !== 'ended' && !e.stopSent);
  }

  private check(before: ConsentState, event: ConsentEvent, result: TransitionResult): void {
    const { state, commands } = result;
    const allowed = canRecord(state);
    const label = event.type;
    const egress = state.egress;
    const awaitingId = egress.kind === 'starting' && egress.egressId === undefined;
    const stopPending = awaitingId && egress.stopOnStart !== undefined;

    // (3) canRecord follows the rules, and consent to an old request never counts for a new one.
    expect(allowed, `canRecord after ${label}`).toBe(this.oracleAllows());

    // (1) Every egress the machine knows of that may still be capturing is its own and allowed;
    // one whose id it has not learnt yet is allowed or marked to be stopped on arrival.
    for (const sim of this.running()) {
      if (sim.announced) {
        expect(currentEgressId(egress), `running ${sim.id} is the machine's after ${label}`).toBe(sim.id);
        expect(egress.kind === 'starting' || egress.kind === 'active', `${sim.id} live after ${label}`).toBe(
          true,
        );
        expect(allowed, `${sim.id} runs only with full consent after ${label}`).toBe(true);
      } else if (sim.own && awaitingId) {
        expect(allowed || stopPending, `pending ${sim.id} allowed or marked after ${label}`).toBe(true);
      }
    }

    // (2) Anything that takes consent away while an egress is starting or active stops it in this step.
    const egressNews = event.type.startsWith('egress_');
    const prior = before.egress;
    if (!egressNews && !allowed && (prior.kind === 'starting' || prior.kind === 'active')) {
      if (prior.egressId === undefined) {
        expect(stopPending, `stop marked after ${label}`).toBe(true);
      } else {
        expect(commands, `stop after ${label}`).toContainEqual(
          expect.objectContaining({ egressId: prior.egressId }),
        );
      }
    }

    // (4) A start only when recording is allowed, one at a time, and nothing else is live.
    const starts = commands.filter((c) => c.type === 'start_egress');
    expect(starts.length).toBeLessThanOrEqual(1);
    if (starts.length > 0) {
      expect(allowed, `start allowed after ${label}`).toBe(true);
      expect(awaitingId && !stopPending).toBe(true);
    }

    // (5) Never two egresses running at once as far as the machine can know.
    expect(this.running().filter((e) => e.announced).length).toBeLessThanOrEqual(1);
    if (!this.foreignSeen) expect(this.running().filter((e) => e.own).length).toBeLessThanOrEqual(1);

    // The banner never reads as off while capture may be happening, and never names anyone.
    const text = bannerFor(state).text;
    if (this.running().some((e) => e.announced || (e.own && awaitingId))) {
      expect(text).toContain('Recording');
      expect(text).not.toContain('Not recording');
    }
    for (const name of [...humanIdentities, ...personIds]) expect(text).not.toContain(name);
  }

  /** LiveKit's participant sessions: the current sid per identity, and leaves not yet reported. */
  readonly sids = new Map<string, string>();
  readonly presenceInbox: ConsentEvent[] = [];

  /** A new participant session of `identity` joins (a first join, a reload, a rejoin from another tab). */
  joinSession(identity: string): void {
    const participant = identities[identity];
    if (!participant) return;
    const previous = this.sids.get(identity);
    // LiveKit removes the earlier session as a duplicate identity; its leave is reported some time later.
    if (previous !== undefined)
      this.presenceInbox.push({ type: 'participant_left', identity, sid: previous });
    const sid = this.fresh('PA_');
    this.sids.set(identity, sid);
    this.step({ type: 'participant_joined', identity, participant: { ...participant, sid } });
  }

  /**
   * The participant leaves cleanly; `withSid` false stands for news that does not name the session.
   * The server names the person when it knows them, even for a presence the machine never saw begin.
   */
  leaveSession(identity: string, withSid: boolean): void {
    const sid = this.sids.get(identity);
    const personId = identities[identity]?.personId;
    this.sids.delete(identity);
    this.step({
      type: 'participant_left',
      identity,
      ...(withSid && sid ? { sid } : {}),
      ...(personId ? { personId } : {}),
    });
  }

  /** The browser dies: LiveKit notices only when its disconnect timeout runs out (queued, delivered later). */
  crashSession(identity: string): void {
    const sid = this.sids.get(identity);
    if (sid === undefined) return;
    this.sids.delete(identity);
    this.presenceInbox.push({ type: 'participant_left', identity, sid });
  }

  /** A reconnect within LiveKit's resume window: the same session, reported again. */
  resumeSession(identity: string, asJoin: boolean): void {
    const sid = this.sids.get(identity);
    const participant = identities[identity];
    if (sid === undefined || !participant) return;
    this.step(
      asJoin
        ? { type: 'participant_joined', identity, participant: { ...participant, sid } }
        : { type: 'participant_reconnected', identity, participant: { ...participant, sid } },
    );
  }

  /** One queued leave (a crash timing out, a replaced session's late leave) reaches the machine. */
  deliverPresence(index: number): void {
    if (this.presenceInbox.length === 0) return;
    const [event] = this.presenceInbox.splice(index % this.presenceInbox.length, 1);
    if (event) this.step(event);
  }

  /** The simulator moves one egress along: starting → active, crash, or end after a stop. */
  progress(index: number, crash: boolean): void {
    const live = [...this.egresses.values()].filter((e) => e.phase !== 'ended');
    const sim = live[index % Math.max(live.length, 1)];
    if (!sim) return;
    if (sim.stopSent || crash) {
      sim.phase = 'ended';
      this.inbox.push(
        sim.stopSent
          ? { type: 'egress_ended', egressId: sim.id }
          : { type: 'egress_failed', egressId: sim.id },
      );
    } else if (sim.phase === 'starting') {
      sim.phase = 'active';
      this.inbox.push({ type: 'egress_active', egressId: sim.id });
    }
  }

  /** Deliver one piece of egress news; a duplicate stays in the inbox to arrive again later. */
  deliver(index: number, duplicate: boolean): void {
    if (this.inbox.length === 0) return;
    const at = index % this.inbox.length;
    const event = this.inbox[at];
    if (!event) return;
    if (!duplicate) this.inbox.splice(at, 1);
    this.step(event);
  }

  /** The start call for the latest unannounced attempt fails before any egress id exists. */
  failStartCall(): void {
    const attempt = [...this.egresses.values()]
      .reverse()
      .find((e) => e.own && !e.announced && e.phase === 'starting' && !e.stopSent);
    if (!attempt) return;
    attempt.phase = 'ended';
    for (let i = this.inbox.length - 1; i >= 0; i--) {
      const news = this.inbox[i];
      if (news && 'egressId' in news && news.egressId === attempt.id) this.inbox.splice(i, 1);
    }
    this.inbox.push({ type: 'egress_start_failed', attempt: attempt.attempt });
  }

  /**
   * The server's start timer fires for one of our egresses whose id the machine was told and that has not
   * reported active to the simulator; the news may be stale by the time it arrives.
   */
  timeOutStart(index: number): void {
    const starting = [...this.egresses.values()].filter(
      (e) => e.own && e.announced && e.phase === 'starting',
    );
    const sim = starting[index % Math.max(starting.length, 1)];
    if (sim) this.step({ type: 'egress_start_timed_out', egressId: sim.id });
  }

  /** Someone else's egress in the room (another token holder, or one left over from a restart). */
  foreign(): void {
    const id = this.fresh('f');
    this.foreignSeen = true;
    this.egresses.set(id, { id, own: false, attempt: 0, phase: 'active', stopSent: false, announced: false });
    this.inbox.push({ type: 'egress_started', egressId: id }, { type: 'egress_active', egressId: id });
  }

  /** Let every egress settle and every piece of news arrive, then check the machine ended up right. */
  drain(): void {
    while (this.presenceInbox.length > 0) this.deliverPresence(0);
    for (let round = 0; round < 100; round++) {
      let moved = false;
      while (this.inbox.length > 0) this.deliver(0, false);
      for (const sim of this.egresses.values()) {
        if (sim.phase === 'ended' || (sim.phase === 'active' && !sim.stopSent)) continue;
        this.progress([...this.egresses.values()].filter((e) => e.phase !== 'ended').indexOf(sim), false);
        moved = true;
      }
      if (!moved && this.inbox.length === 0) break;
    }
    const running = this.running();
    const request = this.state.request;
    const retrying = request !== null && request.egressFailures < this.policy.maxEgressFailures;
    if (canRecord(this.state) && retrying) {
      expect(this.state.egress.kind).toBe('active');
      expect(running.map((e) => e.id)).toEqual([currentEgressId(this.state.egress)]);
    } else if (!canRecord(this.state)) {
      expect(this.state.egress).toEqual({ kind: 'idle' });
      expect(running).toEqual([]);
    }
  }
}
