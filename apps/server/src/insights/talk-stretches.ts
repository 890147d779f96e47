/**
 * Talk time as pure arithmetic: LiveKit's speaker snapshots (an instant, and who is speaking then) become
 * stretches of speaking per identity. A stretch opens when an identity first appears in a snapshot and
 * closes at the first later snapshot without it, at the identity's leave, or at the room's end. Several
 * snapshots at the same instant count as one (the union of who spoke), so their arrival order is irrelevant;
 * an event earlier than one already seen counts as happening at the latest instant seen (time never runs back).
 */

/** Who LiveKit says is speaking at `at` (epoch milliseconds); an empty list is silence. */
export interface SpeakerSnapshot {
  at: number;
  speaking: readonly string[];
}

export interface Stretch {
  identity: string;
  start: number;
  end: number;
}

export interface OpenStretch {
  identity: string;
  start: number;
}

/** What is still open: identity → when its stretch started; plus the latest instant seen. */
export interface TalkState {
  readonly open: ReadonlyMap<string, number>;
  readonly lastAt: number | null;
}

export interface TalkStep {
  state: TalkState;
  opened: OpenStretch[];
  closed: Stretch[];
}

export const emptyTalkState: TalkState = { open: new Map(), lastAt: null };

function clampTime(state: TalkState, at: number): number {
  return state.lastAt !== null && at < state.lastAt ? state.lastAt : at;
}

/** One snapshot: open stretches for newly speaking identities, close those that fell silent. */
export function applySnapshot(state: TalkState, snapshot: SpeakerSnapshot): TalkStep {
  const at = clampTime(state, snapshot.at);
  const speaking = new Set(snapshot.speaking);
  const open = new Map(state.open);
  const opened: OpenStretch[] = [];
  const closed: Stretch[] = [];
  for (const [identity, start] of state.open) {
    if (speaking.has(identity)) continue;
    // A snapshot at the very instant a stretch opened adds to that instant rather than ending it.
    if (start === at) continue;
    open.delete(identity);
    closed.push({ identity, start, end: at });
  }
  for (const identity of [...speaking].sort()) {
    if (open.has(identity)) continue;
    open.set(identity, at);
    opened.push({ identity, start: at });
  }
  return { state: { open, lastAt: at }, opened, closed };
}

/** An identity left the room: its open stretch (if any) ends now. Closing twice changes nothing. */
export function closeIdentity(state: TalkState, identity: string, at: number): TalkStep {
  const when = clampTime(state, at);
  const start = state.open.get(identity);
  if (start === undefined) return { state: { open: state.open, lastAt: when }, opened: [], closed: [] };
  const open = new Map(state.open);
  open.delete(identity);
  return { state: { open, lastAt: when }, opened: [], closed: [{ identity, start, end: when }] };
}

/** The room ended (or the observer stopped): every open stretch ends now. Closing twice changes nothing. */
export function closeAll(state: TalkState, at: number): TalkStep {
  const when = clampTime(state, at);
  const closed = [...state.open]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([identity, start]) => ({ identity, start, end: when }));
  return { state: { open: new Map(), lastAt: when }, opened: [], closed };
}

export type TalkEvent =
  | { kind: 'speakers'; at: number; speaking: readonly string[] }
  | { kind: 'leave'; at: number; identity: string };

/**
 * A whole observation at once: events (in any order within an instant; snapshots at one instant are
 * merged, leaves at an instant come after its snapshots), closed at `endAt`. Stretches of zero length are
 * dropped. Sorted by identity, then start.
 */
export function stretchesFrom(events: readonly TalkEvent[], endAt: number): Stretch[] {
  const byInstant = new Map<number, { speaking: Set<string> | null; leaves: Set<string> }>();
  for (const event of events) {
    const slot = byInstant.get(event.at) ?? { speaking: null, leaves: new Set<string>() };
    if (event.kind === 'speakers') {
      slot.speaking ??= new Set();
      for (const identity of event.speaking) slot.speaking.add(identity);
    } else slot.leaves.add(event.identity);
    byInstant.set(event.at, slot);
  }
  let state = emptyTalkState;
  const stretches: Stretch[] = [];
  for (const at of [...byInstant.keys()].sort((a, b) => a - b)) {
    const slot = byInstant.get(at);
    if (!slot) continue;
    if (slot.speaking) {
      const step = applySnapshot(state, { at, speaking: [...slot.speaking] });
      state = step.state;
      stretches.push(...step.closed);
    }
    for (const identity of [...slot.leaves].sort()) {
      const step = closeIdentity(state, identity, at);
      state = step.state;
      stretches.push(...step.closed);
    }
  }
  stretches.push(...closeAll(state, Math.max(endAt, state.lastAt ?? endAt)).closed);
  return stretches
    .filter((s) => s.end > s.start)
    .sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : a.start - b.start));
}

/** Milliseconds spoken per identity. */
export function talkTotals(stretches: readonly Stretch[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const s of stretches) totals.set(s.identity, (totals.get(s.identity) ?? 0) + (s.end - s.start));
  return totals;
}
