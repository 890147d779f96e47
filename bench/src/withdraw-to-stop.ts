/**
 * Withdraw → StopEgress sent, server side: from the moment the withdraw request enters the app to the
 * moment the egress port's stop() is called. Each round is a fresh session recording with full consent.
 */
import { participantJoined } from '@assent/server/src/consent/livekit-news';
import { createBenchApp, post, sessionWithRequest } from './bench-app';
import { type LatencySummary, summarize } from './stats';

export async function withdrawToStop(
  rounds: number,
): Promise<{ toStop: LatencySummary; response: LatencySummary }> {
  const bench = await createBenchApp();
  const { app, db, consent, recorder } = bench;
  const toStop: number[] = [];
  const response: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const session = await sessionWithRequest(bench, 2);
    const people = await db
      .selectFrom('people')
      .select(['id', 'livekit_identity'])
      .where('session_id', '=', session.sessionId)
      .execute();
    for (const person of people) {
      await participantJoined(db, consent, session.sessionId, {
        identity: person.livekit_identity,
        kind: 'STANDARD',
        hidden: false,
      });
    }
    for (const token of session.tokens) {
      await post(
        app,
        '/api/recording/consent',
        { clientRequestId: crypto.randomUUID(), requestId: session.requestId },
        token,
      );
    }
    await consent.idle();
    const stored = await consent.read(session.sessionId);
    const egressId = stored?.state.egress.kind === 'starting' ? stored.state.egress.egressId : undefined;
    if (!egressId) throw new Error('egress did not start');
    await consent.apply(session.sessionId, { type: 'egress_active', egressId });
    await consent.idle();

    const stopsBefore = recorder.stops.length;
    const t0 = performance.now();
    await post(
      app,
      '/api/recording/withdraw',
      { clientRequestId: crypto.randomUUID(), requestId: session.requestId },
      session.tokens[1],
    );
    const t1 = performance.now();
    const stopAt = recorder.stops[stopsBefore];
    if (stopAt === undefined) throw new Error('withdrawal sent no stop');
    toStop.push(stopAt - t0);
    response.push(t1 - t0);
    await consent.idle();
  }
  await bench.close();
  return { toStop: summarize(toStop), response: summarize(response) };
}
