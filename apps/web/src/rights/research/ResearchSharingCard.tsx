import './research.css';
import { decideResearch, fetchMyResearch } from '../../api/research';
import { RemoteFailure } from '../../people/RemoteFailure';
import { useRemote } from '../../ui/useRemote';
import { ResearchChoiceGroup } from './ResearchChoiceGroup';
import { whatResearchersReceive } from './research-words';

/**
 * On the dashboard: research sharing, a choice of its own per session and seat (Hearken, Schoolhouse).
 * Nothing shows for someone with no session to decide for.
 */
export function ResearchSharingCard() {
  const research = useRemote(fetchMyResearch);
  const { state } = research;
  if (state.kind === 'loading') return null;
  if (state.kind === 'ready' && state.data.sessions.length === 0) return null;
  return (
    <section className="card research-sharing" aria-labelledby="research-sharing-heading">
      <h2 id="research-sharing-heading">Research sharing</h2>
      <p>
        {whatResearchersReceive(
          state.kind === 'ready' ? (state.data.sessions[0]?.exportMedia ?? 'audio') : 'audio',
        )}{' '}
        Saying no changes nothing else: your recordings, playback and consent stay as they are. You can change
        your mind at any time.
      </p>
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="your research sharing choices" onRetry={research.reload} />
      )}
      {state.kind === 'ready' &&
        state.data.sessions.map((session) => (
          <div key={session.sessionId} className="research-sharing__session">
            {session.seats.map((seat) => (
              <ResearchChoiceGroup
                key={`${seat.personId}-${seat.decidesAs}`}
                title={session.title}
                seat={seat}
                save={(choice) => decideResearch(session.sessionId, seat.personId, choice)}
              />
            ))}
          </div>
        ))}
    </section>
  );
}
