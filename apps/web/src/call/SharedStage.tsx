import './shared-stage.css';
import { ParticipantAttribute } from '@assent/shared';
import {
  CarouselLayout,
  FocusLayoutContainer,
  TrackRefContext,
  type TrackReferenceOrPlaceholder,
  useEnsureTrackRef,
  useLocalParticipant,
  useParticipantAttributes,
  useParticipantInfo,
} from '@livekit/components-react';
import { createContext, useContext, useState } from 'react';
import { BoardStage } from '../board/BoardStage';
import { useBoardStatus } from '../board/board-store';
import { layoutStage, useCallLayout } from './call-layout';
import { useCallSession } from './call-session';
import { LetShareButton } from './LetShareButton';
import { isShare, noChoice, pin, type StageChoice, unpin } from './main-stage';
import { ParticipantTileWithRole } from './ParticipantTileWithRole';
import { StageGrid, useLastSpeaker } from './StageGrid';

interface Pinning {
  main: TrackReferenceOrPlaceholder | null;
  choose: (change: (choice: StageChoice) => StageChoice) => void;
}

const PinningContext = createContext<Pinning>({ main: null, choose: () => {} });

/**
 * A shared screen as the main stage with everyone's camera in a strip beside it (below it on a phone);
 * the grid while nothing is shared or pinned. Pinning is each person's own view.
 */
export function SharedStage({ tracks }: { tracks: TrackReferenceOrPlaceholder[] }) {
  const [choice, setChoice] = useState<StageChoice>(noChoice);
  const layout = useCallLayout((s) => s.layout);
  const lastSpeaker = useLastSpeaker();
  const { localParticipant } = useLocalParticipant();
  const { main, strip, chosen } = layoutStage(tracks, choice, layout, lastSpeaker, localParticipant.identity);
  const pinning: Pinning = { main: chosen, choose: setChoice };
  // The open whiteboard is the main stage for everyone, as a share is; every camera goes in the strip.
  const boardOpen = useBoardStatus((s) => s.open);
  return (
    <PinningContext.Provider value={pinning}>
      {main === null && !boardOpen ? (
        <StageGrid tracks={strip}>
          <StageTile />
        </StageGrid>
      ) : (
        <FocusLayoutContainer className="call__focus">
          <CarouselLayout tracks={boardOpen ? tracks : strip} className="call__strip">
            <StageTile />
          </CarouselLayout>
          {boardOpen || main === null ? (
            <BoardStage />
          ) : (
            <section
              className="call__main-stage"
              aria-label={isShare(main) ? 'Shared screen' : chosen ? 'Pinned' : 'Speaker'}
              data-source={main.source}
            >
              <TrackRefContext.Provider value={main}>
                <StageTile />
              </TrackRefContext.Provider>
            </section>
          )}
        </FocusLayoutContainer>
      )}
    </PinningContext.Provider>
  );
}

/** A person's tile (or their shared screen) with a button to pin it to the main stage, or unpin it. */
function StageTile() {
  const trackRef = useEnsureTrackRef();
  const { main, choose } = useContext(PinningContext);
  const { name, identity } = useParticipantInfo({ participant: trackRef.participant });
  const { attributes } = useParticipantAttributes({ participant: trackRef.participant });
  const who = name || attributes?.[ParticipantAttribute.name] || identity || 'Someone';
  const what = isShare(trackRef) ? `${who}'s screen` : who;
  const onStage = main === trackRef;
  const { role } = useCallSession();
  const { participant } = trackRef;
  // The tutor lets the others share (LiveKit enforces it); their own seat always may.
  const letShare =
    role === 'tutor' &&
    !participant.isLocal &&
    !isShare(trackRef) &&
    attributes?.[ParticipantAttribute.role] !== 'tutor';
  return (
    <div className="stage-tile" data-share={isShare(trackRef) || undefined}>
      <ParticipantTileWithRole />
      <button
        type="button"
        className="stage-tile__pin"
        onClick={() => choose((choice) => (onStage ? unpin(choice, trackRef) : pin(choice, trackRef)))}
      >
        {onStage ? `Unpin ${what}` : `Pin ${what}`}
      </button>
      {letShare && <LetShareButton participant={participant} name={who} />}
    </div>
  );
}
