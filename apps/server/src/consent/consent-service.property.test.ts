/**
 * Model run through the real server: random consent commands (over HTTP), joins and leaves (some
 * announced by webhook, some only found by the reconciler), egress news and start failures, on SQLite
 * with the fake egress. The sacred invariant, checked after every step once the commands it caused
 * have run: no egress is running while anyone present (as far as the server could know) lacks an
 * effective consent to the current, open request.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { egressNews } from '../consent/livekit-news';
import { defaultPolicyInput } from '../policy/default-policy';
import { insertPolicyVersion } from '../policy/policy-repository';
import {
  createRecordingSession,
  joinRoom,
  leaveRoom,
  type RecordingSession,
} from '../test-support/recording-session';
import { buildTestApp, type TestApp, testReconciler, useTestApp } from '../test-support/test-app';
import { clearTables, testDatabases } from '../test-support/test-databases';

type Who = 'tutor' | 'student' | 'guardian';
const people: readonly Who[] = ['tutor', 'student', 'guardian'];
const visitors = ['tutor', 'student', 'guardian', 'stranger', 'recorder'] as const;
type Visitor = (typeof visitors)[number];

interface Model {
  /** Who the server has been told is present (webhook or reconciler). */
  known: Set<Visitor>;
  /** Who LiveKit has in the room. */
  present: Set<Visitor>;
  request: { id: string; open: boolean; decisions: Map<Who, 'consented' | 'declined' | 'withdrawn'> } | null;
}

interface Real {
  t: TestApp;
  s: RecordingSession;
}

const identityOf = (s: RecordingSession, v: Visitor) =>
  v === 'stranger' ? 'p_stranger' : v === 'recorder' ? 'EG_recorder' : s[v].identity;

/** Rules 2 and 3, written independently of the machine. */
function allowed(m: Model): boolean {
  if (!m.request?.open) return false;
  const counted = [...m.known].filter((v) => v !== 'recorder');
  if (counted.length === 0) return false;
  const consented = (w: Who) => m.request?.decisions.get(w) === 'consented';
  return counted.every((v) => {
    if (v === 'stranger') return false;
    if (!consented(v)) return false;
    // The sample student is a minor: a present guardian must have consented too.
    return v !== 'student' || (m.known.has('guardian') && consented('guardian'));
  });
}

async function settle(real: Real, m: Model) {
  await real.t.consent.idle();
  if (!allowed(m)) expect(real.t.egress.running()).toEqual([]);
}

const post = (real: Real, path: string, who: Who, body: object) =>
  real.t.app.request(`/api/recording/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${real.s[who].token}` },
    body: JSON.stringify({ clientRequestId: randomUUID(), ...body }),
  });

class Join implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly v: Visitor,
    readonly announced: boolean,
  ) {}
  check = (m: Readonly<Model>) => !m.present.has(this.v);
  async run(m: Model, real: Real) {
    m.present.add(this.v);
    const identity = identityOf(real.s, this.v);
    if (this.announced) {
      await joinRoom(real.t, real.s, identity, this.v === 'recorder');
      m.known.add(this.v);
    } else {
      const list = real.t.roomService.rooms.get(real.s.roomName) ?? [];
      const hidden = this.v === 'recorder';
      real.t.roomService.rooms.set(real.s.roomName, [
        ...list,
        { identity, name: identity, kind: hidden ? 'EGRESS' : 'STANDARD', hidden },
      ]);
    }
    await settle(real, m);
  }
  toString = () => `Join(${this.v}${this.announced ? '' : ', unannounced'})`;
}

class Leave implements fc.AsyncCommand<Model, Real> {
  constructor(readonly v: Visitor) {}
  check = (m: Readonly<Model>) => m.present.has(this.v);
  async run(m: Model, real: Real) {
    const v = this.v;
    const wasKnown = m.known.has(v);
    m.present.delete(v);
    m.known.delete(v);
    // Rule 5: a yes lasts one presence; when the last person who counts leaves, the request closes.
    // The server names its own people even when it never saw them join; a stranger it never saw is news
    // about nobody, and the recorder leaving is not the room emptying.
    const person = v !== 'stranger' && v !== 'recorder';
    if (person && m.request?.decisions.get(v) === 'consented') m.request.decisions.delete(v);
    const counts = v !== 'recorder' && (person || wasKnown);
    if (counts && ![...m.known].some((k) => k !== 'recorder')) m.request = null;
    await leaveRoom(real.t, real.s, identityOf(real.s, this.v));
    await settle(real, m);
  }
  toString = () => `Leave(${this.v})`;
}

class Request implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, real: Real) {
    const res = await post(real, 'request', 'tutor', { purpose: 'safeguarding' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { state: { request: { requestId: string } } };
    m.request = { id: body.state.request.requestId, open: true, decisions: new Map() };
    await settle(real, m);
  }
  toString = () => 'Request';
}

class Answer implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: Who,
    readonly kind: 'consent' | 'decline' | 'withdraw',
    readonly stale: boolean,
  ) {}
  check = () => true;
  async run(m: Model, real: Real) {
    const requestId = this.stale || !m.request ? 'req_stale' : m.request.id;
    const res = await post(real, this.kind, this.who, { requestId });
    const request = m.request;
    if (!request || this.stale) {
      expect(res.status).toBe(409);
    } else {
      const prior = request.decisions.get(this.who);
      if (this.kind === 'consent') {
        if (prior === undefined && request.open) request.decisions.set(this.who, 'consented');
        expect(res.status).toBe(
          prior === undefined && !request.open ? 409 : prior && prior !== 'consented' ? 409 : 200,
        );
      } else {
        expect(res.status).toBe(200);
        if (prior === undefined || prior === 'consented') {
          request.decisions.set(this.who, prior === 'consented' ? 'withdrawn' : 'declined');
          request.open = false;
        }
      }
    }
    await settle(real, m);
  }
  toString = () => `${this.kind}(${this.who}${this.stale ? ', stale' : ''})`;
}

/** Everyone answers yes in turn: the common path, so that recording starts often. */
class EveryoneConsents implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.request !== null;
  async run(m: Model, real: Real) {
    for (const who of people) await new Answer(who, 'consent', false).run(m, real);
  }
  toString = () => 'EveryoneConsents';
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.request !== null;
  async run(m: Model, real: Real) {
    const res = await post(real, 'cancel', 'tutor', { requestId: m.request?.id });
    expect(res.status).toBe(200);
    m.request = null;
    await settle(real, m);
  }
  toString = () => 'Cancel';
}

/** LiveKit reports each running egress active, or one of them ends on its own. */
class EgressNews implements fc.AsyncCommand<Model, Real> {
  constructor(readonly status: 'EGRESS_ACTIVE' | 'EGRESS_COMPLETE' | 'EGRESS_FAILED') {}
  check = () => true;
  async run(m: Model, real: Real) {
    for (const egressId of real.t.egress.running()) {
      const egress = real.t.egress.egresses.get(egressId);
      if (!egress) continue;
      egress.status = this.status;
      if (this.status !== 'EGRESS_ACTIVE') egress.running = false;
      await egressNews(
        real.t.db,
        real.t.consent,
        real.s.sessionId,
        { egressId, roomName: real.s.roomName, status: this.status },
        new Date(),
      );
    }
    await settle(real, m);
  }
  toString = () => `Egress(${this.status})`;
}

class FailNextStart implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, real: Real) {
    real.t.egress.failStarts += 1;
    await settle(real, m);
  }
  toString = () => 'FailNextStart';
}

class Reconcile implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, real: Real) {
    const { t } = real;
    const reconciler = testReconciler(t);
    await reconciler.runOnce();
    // A pass may stop early when the state moves under it; a second one finishes the job.
    await t.consent.idle();
    await reconciler.runOnce();
    m.known = new Set(m.present);
    await settle(real, m);
  }
  toString = () => 'Reconcile';
}

const answerKinds = ['consent', 'consent', 'consent', 'consent', 'decline', 'withdraw'] as const;
const egressStatuses = ['EGRESS_ACTIVE', 'EGRESS_ACTIVE', 'EGRESS_COMPLETE', 'EGRESS_FAILED'] as const;

/** Weighted towards sessions that get as far as recording, so stopping is exercised often. */
const commands = [
  fc
    .tuple(fc.constantFrom(...visitors, 'tutor', 'student', 'guardian'), fc.nat(4))
    .map(([v, n]) => new Join(v, n > 0)),
  fc.constantFrom(...visitors).map((v) => new Leave(v)),
  fc.constant(new Request()),
  fc
    .tuple(fc.constantFrom(...people), fc.constantFrom(...answerKinds), fc.nat(9))
    .map(([who, kind, n]) => new Answer(who, kind, n === 0)),
  fc
    .tuple(fc.constantFrom(...people), fc.constantFrom(...answerKinds), fc.nat(9))
    .map(([who, kind, n]) => new Answer(who, kind, n === 0)),
  fc.constant(new EveryoneConsents()),
  fc.constant(new EveryoneConsents()),
  fc.constant(new Cancel()),
  fc.constantFrom(...egressStatuses).map((status) => new EgressNews(status)),
  fc.constant(new FailNextStart()),
  fc.constant(new Reconcile()),
];

describe.each(testDatabases.filter((d) => d.name === 'sqlite'))(
  'consent service model ($name)',
  (database) => {
    const ctx = useTestApp(database);

    it('never leaves an egress running without everyone present consenting', async () => {
      let recorded = 0;
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'max' }), async (cmds) => {
          const { db } = ctx();
          await clearTables(db);
          const t = buildTestApp(db);
          // A request may follow any answer here: the cool-down after a no has its own tests.
          await insertPolicyVersion(db, {
            version: 1,
            policy: { ...defaultPolicyInput(t.config.recording), askAgainAfterMinutes: 0 },
            createdAt: t.clock.now.toISOString(),
            createdBy: null,
          });
          const s = await createRecordingSession(t);
          const model: Model = { known: new Set(), present: new Set(), request: null };
          await fc.asyncModelRun(() => ({ model, real: { t, s } }), cmds);
          await t.consent.idle();
          if (t.egress.starts.length > 0) recorded += 1;
        }),
        { numRuns: 200 },
      );
      // The runs must actually exercise recording, not only refusals.
      expect(recorded).toBeGreaterThan(20);
    }, 300_000);
  },
);
