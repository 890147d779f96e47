// Model-based runs: random sessions of joins, leaves, requests, answers and egress news (duplicated,
// late, reordered, from egresses that are not the machine's own), checked after every single step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bannerFor } from './consent-banner';
import { currentEgressId } from './consent-egress';
import { createConsentState, transition } from './consent-machine';
import { canRecord } from './consent-policy';
import type {
  ConsentDecision,
  ConsentEvent,
  ConsentPolicy,
  ConsentState,
  Participant,
  TransitionResult,
} from './consent-types';
import { cast } from './test-support';

const identities: Readonly<Record<string, Participant>> = {
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
const identityNames = Object.keys(identities);
const humanIdentities = identityNames.filter((name) => !identities[name]?.hidden);
const personIds = [
  'p-tutor',
  'p-adult',
  'p-minor',
  'p-guardian',
  'p-other-guardian',
  'p-minor2',
  'p-guardian2',
  'p-newcomer',
];
const purposes = ['quality_assurance', 'safeguarding'];

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
}

function expectCoverage(): void {
  for (const [situation, count] of Object.entries(coverage)) {
    expect(count, situation).toBeGreaterThan(20);
    coverage[situation as keyof typeof coverage] = 0;
  }
}

/** The machine, an egress simulator around it, and the oracle, checked after every step. */
class World {
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
        o.present.set(event.identity, event.participant);
        return;
      case 'participant_left':
        o.present.delete(event.identity);
        return;
      case 'participant_reconnected':
        o.present.set(
          event.identity,
          event.participant ?? o.present.get(event.identity) ?? { role: 'unknown', hidden: false },
        );
        return;
      case 'advance_consent_changed':
        o.advance.set(event.studentPersonId, event.purposes);
        return;
      default:
        return;
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

  /** Someone else's egress in the room (another token holder, or one left over from a restart). */
  foreign(): void {
    const id = this.fresh('f');
    this.foreignSeen = true;
    this.egresses.set(id, { id, own: false, attempt: 0, phase: 'active', stopSent: false, announced: false });
    this.inbox.push({ type: 'egress_started', egressId: id }, { type: 'egress_active', egressId: id });
  }

  /** Let every egress settle and every piece of news arrive, then check the machine ended up right. */
  drain(): void {
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

type Step = fc.Command<object, World>;

function step(label: string, act: (world: World) => void): Step {
  return { check: () => true, run: (_model, world) => act(world), toString: () => label };
}

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/** Which request an answer names: usually the current one, sometimes an old or made-up one. */
const requestChoice = fc.oneof(
  { weight: 4, arbitrary: fc.constant<'current'>('current') },
  { weight: 1, arbitrary: fc.nat(5) },
  { weight: 1, arbitrary: fc.constant<'made-up'>('made-up') },
);

function chooseRequest(world: World, choice: 'current' | 'made-up' | number): string {
  const used = world.state.usedRequestIds;
  if (choice === 'made-up') return 'r-never';
  if (choice === 'current') return world.state.request?.requestId ?? used.at(-1) ?? 'r-never';
  return used[choice % Math.max(used.length, 1)] ?? 'r-never';
}

const answerStep = (type: 'consent' | 'decline' | 'withdraw') =>
  fc
    .tuple(pick(personIds), requestChoice)
    .map(([personId, choice]) =>
      step(`${type}(${personId}, ${choice})`, (w) =>
        w.step({ type, requestId: chooseRequest(w, choice), personId }),
      ),
    );

/** Someone in the room answers the current request: the usual case, so it is drawn often. */
const presentAnswerStep = (type: 'consent' | 'withdraw') =>
  fc.nat().map((index) =>
    step(`${type}(present #${index})`, (w) => {
      const request = w.state.request;
      const people = Object.values(w.state.participants).flatMap((p) => (p.personId ? [p.personId] : []));
      const undecided = people.filter((personId) => !request || !Object.hasOwn(request.decisions, personId));
      const pool = type === 'consent' && undecided.length > 0 ? undecided : people;
      const personId = pool[index % Math.max(pool.length, 1)];
      const requestId = request?.requestId;
      if (personId && requestId) w.step({ type, requestId, personId });
    }),
  );

/** Who joins: mostly the people a tutoring call has, now and then someone the server cannot place. */
const joiner = fc.oneof(
  { weight: 3, arbitrary: pick(['tutor', 'adult']) },
  { weight: 2, arbitrary: pick(['minor', 'guardian']) },
  { weight: 1, arbitrary: pick(identityNames) },
);

const deliverStep = fc
  .tuple(fc.nat(), fc.boolean())
  .map(([i, dup]) => step(`deliver(${i}, dup=${dup})`, (w) => w.deliver(i, dup)));

const weighted: { weight: number; arbitrary: fc.Arbitrary<Step> }[] = [
  {
    weight: 4,
    arbitrary: joiner.map((identity) =>
      step(`join(${identity})`, (w) => {
        const participant = identities[identity];
        if (participant) w.step({ type: 'participant_joined', identity, participant });
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: pick(identityNames).map((identity) =>
      step(`leave(${identity})`, (w) => w.step({ type: 'participant_left', identity })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(pick(identityNames), fc.boolean()).map(([identity, withInfo]) =>
      step(`reconnect(${identity}, ${withInfo})`, (w) => {
        const participant = identities[identity];
        w.step({
          type: 'participant_reconnected',
          identity,
          ...(withInfo && participant ? { participant } : {}),
        });
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.boolean(), fc.nat(5), pick(purposes)).map(([reuse, index, purpose]) =>
      step(`request(${reuse ? `reuse ${index}` : 'new'}, ${purpose})`, (w) => {
        const requestId = reuse ? chooseRequest(w, index) : w.fresh('r');
        w.step({ type: 'request', requestId, purpose, requestedBy: 'p-tutor', noticeVersion: 'notice-1' });
      }),
    ),
  },
  { weight: 10, arbitrary: presentAnswerStep('consent') },
  { weight: 1, arbitrary: answerStep('consent') },
  { weight: 1, arbitrary: answerStep('decline') },
  { weight: 1, arbitrary: presentAnswerStep('withdraw') },
  { weight: 1, arbitrary: answerStep('withdraw') },
  {
    weight: 1,
    arbitrary: requestChoice.map((choice) =>
      step(`cancel(${choice})`, (w) => w.step({ type: 'cancel', requestId: chooseRequest(w, choice) })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick(['p-minor', 'p-minor2']), fc.subarray(purposes))
      .map(([studentPersonId, covered]) =>
        step(`advance(${studentPersonId}, ${covered.join('+')})`, (w) =>
          w.step({ type: 'advance_consent_changed', studentPersonId, purposes: covered }),
        ),
      ),
  },
  { weight: 10, arbitrary: deliverStep },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(9))
      .map(([i, roll]) => step(`progress(${i}, crash=${roll === 0})`, (w) => w.progress(i, roll === 0))),
  },
  { weight: 1, arbitrary: fc.constant(step('failStartCall', (w) => w.failStartCall())) },
  { weight: 1, arbitrary: fc.constant(step('foreignEgress', (w) => w.foreign())) },
];

/** Half the sessions begin already recording: tutor and adult student in, asked, consented, egress active. */
const preludes = fc.boolean();

function begin(policy: ConsentPolicy, recording: boolean): World {
  const world = new World(policy);
  if (!recording) return world;
  world.step({ type: 'participant_joined', identity: 'tutor', participant: cast.tutor });
  world.step({ type: 'participant_joined', identity: 'adult', participant: cast.adult });
  world.step({
    type: 'request',
    requestId: 'r0',
    purpose: 'quality_assurance',
    requestedBy: 'p-tutor',
    noticeVersion: 'notice-1',
  });
  world.step({ type: 'consent', requestId: 'r0', personId: 'p-tutor' });
  world.step({ type: 'consent', requestId: 'r0', personId: 'p-adult' });
  world.deliver(0, false);
  world.progress(0, false);
  world.deliver(0, false);
  return world;
}

const policies: fc.Arbitrary<ConsentPolicy> = fc.record({
  guardianConsentMode: pick(['in_call', 'in_call_or_advance'] as const),
  maxEgressFailures: fc.integer({ min: 1, max: 4 }),
});

/** 1,000 random sessions, every invariant checked after every step, then drained and checked for liveness. */
function runSessions(step: fc.Arbitrary<Step>, maxCommands: number): void {
  fc.assert(
    fc.property(
      policies,
      preludes,
      fc.commands([step], { maxCommands, size: 'max' }),
      (policy, prelude, commands) => {
        const world = begin(policy, prelude);
        fc.modelRun(() => ({ model: {}, real: world }), commands);
        world.drain();
      },
    ),
    { numRuns: 1000 },
  );
  expectCoverage();
}

describe('consent machine, model-based', () => {
  it('keeps every invariant after every step of random sessions', () => {
    runSessions(fc.oneof(...weighted), 80);
  }, 120_000);

  it('keeps every invariant in long sessions heavy on egress news', () => {
    runSessions(fc.oneof(...weighted, { weight: 30, arbitrary: deliverStep }), 200);
  }, 120_000);
});
