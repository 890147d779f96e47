// Model-based runs: random sessions of joins, leaves, reloads, rejoins, crashed browsers (their leave
// reported only after LiveKit's timeout), resumes, requests, answers and egress news (duplicated, late,
// reordered, from egresses that are not the machine's own), checked after every single step.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  expectCoverage,
  identities,
  identityNames,
  personIds,
  purposes,
  World,
} from '../test-support/test-world';
import type { ConsentPolicy } from './consent-types';

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
  { weight: 2, arbitrary: pick(['minor', 'guardian', 'observer']) },
  { weight: 1, arbitrary: pick(identityNames) },
);

const deliverStep = fc
  .tuple(fc.nat(), fc.boolean())
  .map(([i, dup]) => step(`deliver(${i}, dup=${dup})`, (w) => w.deliver(i, dup)));

const weighted: { weight: number; arbitrary: fc.Arbitrary<Step> }[] = [
  {
    weight: 4,
    // A join of someone already present is a reload or rejoin: a new session replacing theirs.
    arbitrary: joiner.map((identity) => step(`join(${identity})`, (w) => w.joinSession(identity))),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick(identityNames), fc.boolean())
      .map(([identity, withSid]) =>
        step(`leave(${identity}, sid=${withSid})`, (w) => w.leaveSession(identity, withSid)),
      ),
  },
  {
    weight: 2,
    arbitrary: joiner.map((identity) =>
      step(`rejoin(${identity})`, (w) => {
        w.leaveSession(identity, true);
        w.joinSession(identity);
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: joiner.map((identity) => step(`crash(${identity})`, (w) => w.crashSession(identity))),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(joiner, fc.boolean())
      .map(([identity, asJoin]) =>
        step(`resume(${identity}, asJoin=${asJoin})`, (w) => w.resumeSession(identity, asJoin)),
      ),
  },
  {
    weight: 3,
    arbitrary: fc.nat().map((i) => step(`presenceNews(${i})`, (w) => w.deliverPresence(i))),
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
  {
    weight: 1,
    arbitrary: fc.nat().map((i) => step(`timeOutStart(${i})`, (w) => w.timeOutStart(i))),
  },
];

/** Half the sessions begin already recording: tutor and adult student in, asked, consented, egress active. */
const preludes = fc.boolean();

function begin(policy: ConsentPolicy, recording: boolean): World {
  const world = new World(policy);
  if (!recording) return world;
  world.joinSession('tutor');
  world.joinSession('adult');
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
