import './research.css';
import type { ResearchSession } from '@assent/shared';
import { useEffect, useState } from 'react';
import { decideResearchWithInvite, fetchCallResearch } from '../../api/research';
import { ResearchChoiceGroup } from './ResearchChoiceGroup';
import { whatResearchersReceive } from './research-words';

/** The join page's research choices, with the invite token: its own seat and a guardian's children. */
export default function InviteResearchChoices({ inviteToken }: { inviteToken: string }) {
  const [session, setSession] = useState<ResearchSession | 'loading' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the Retry trigger.
  useEffect(() => {
    let current = true;
    setSession('loading');
    fetchCallResearch(inviteToken).then(
      (found) => current && setSession(found),
      () => current && setSession('failed'),
    );
    return () => {
      current = false;
    };
  }, [inviteToken, attempt]);

  return (
    <>
      {typeof session === 'object' && (
        <p className="muted">
          {whatResearchersReceive(session.exportMedia)} Saying no changes nothing else. You can change your
          mind at any time.
        </p>
      )}
      {session === 'loading' && <p className="muted">Loading…</p>}
      {session === 'failed' && (
        <div role="alert">
          <p>Your research sharing choices could not be loaded.</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </button>
        </div>
      )}
      {typeof session === 'object' &&
        session.seats.map((seat) => (
          <ResearchChoiceGroup
            key={`${seat.personId}-${seat.decidesAs}`}
            title={session.title}
            seat={seat}
            save={(choice) => decideResearchWithInvite(inviteToken, choice, seat.personId)}
          />
        ))}
    </>
  );
}
