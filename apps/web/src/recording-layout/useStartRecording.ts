import EgressHelper from '@livekit/egress-sdk';
import { useEffect, useRef } from 'react';
import { startWithoutVideoAfterMs } from './layout-details';

/**
 * Egress captures from the moment this page logs START_RECORDING. Say it once the room is joined and the
 * first video frame is on screen, or a little after joining if nobody shows video, so a recording never
 * waits forever. Never before joining: a page that cannot join has nothing to record, and the SDK says
 * END_RECORDING when the room is left, which ends the egress instead.
 */
export function useStartRecording(joined: boolean) {
  const started = useRef(false);
  useEffect(() => {
    if (!joined || started.current) return;
    let frame = 0;
    const start = () => {
      if (started.current) return;
      started.current = true;
      EgressHelper.startRecording();
    };
    // A video element fires loadeddata (which does not bubble, hence the capture) when its first frame
    // is decoded; two animation frames later that frame has been painted.
    const afterPaint = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(start);
      });
    };
    const onLoadedData = (event: Event) => {
      if (event.target instanceof HTMLVideoElement) afterPaint();
    };
    document.addEventListener('loadeddata', onLoadedData, true);
    if (Array.from(document.querySelectorAll('video')).some((v) => v.readyState >= 2)) afterPaint();
    const timer = setTimeout(start, startWithoutVideoAfterMs);
    return () => {
      document.removeEventListener('loadeddata', onLoadedData, true);
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [joined]);
}
