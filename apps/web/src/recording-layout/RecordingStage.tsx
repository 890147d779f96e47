import { TrackRefContext, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { ParticipantTileWithRole } from '../call/ParticipantTileWithRole';
import { seatKey, tileGrid } from './stage-layout';

const gap = 6;

/** Everyone's tile at once, as large as the stage allows; rows centred, the last one too. */
export function RecordingStage({ seats }: { seats: TrackReferenceOrPlaceholder[] }) {
  const stage = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(stage);
  const grid = tileGrid(seats.length, width, height, gap);
  return (
    <div className="recording-stage" ref={stage}>
      {seats.length === 0 ? (
        <p className="recording-stage__waiting">Waiting for video…</p>
      ) : (
        <div
          className="recording-stage__rows"
          style={{ width: grid.columns * grid.tileWidth + gap * (grid.columns - 1), gap }}
        >
          {seats.map((seat) => (
            <div
              key={seatKey(seat)}
              className="recording-stage__tile"
              style={{ width: grid.tileWidth, height: grid.tileHeight }}
            >
              <TrackRefContext.Provider value={seat}>
                <ParticipantTileWithRole />
              </TrackRefContext.Provider>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** The element's size (it has no padding), measured before the first paint and whenever it changes. */
function useSize(element: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = element.current;
    if (!el) return;
    const measure = () =>
      setSize((was) =>
        was.width === el.clientWidth && was.height === el.clientHeight
          ? was
          : { width: el.clientWidth, height: el.clientHeight },
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [element]);
  return size;
}
