import { useLocalParticipant } from '@livekit/components-react';
import { useEffect, useState } from 'react';
import { createSpeechDetector, rms } from './muted-speech';

const everyMs = 100;

/**
 * Whether this person is talking while their own microphone is muted. Listens to a copy of the muted track
 * (the published one stays silent) through an AnalyserNode on this device; nothing is sent anywhere.
 */
function useSpeakingWhileMuted(): boolean {
  const { microphoneTrack } = useLocalParticipant();
  const muted = microphoneTrack?.isMuted === true;
  const source = muted ? microphoneTrack?.track?.mediaStreamTrack : undefined;
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    setSpeaking(false);
    if (source?.readyState !== 'live' || typeof AudioContext === 'undefined') return;
    const copy = source.clone();
    copy.enabled = true;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(new MediaStream([copy])).connect(analyser);
    void context.resume().catch(() => undefined);
    const frame = new Float32Array(analyser.fftSize);
    const detector = createSpeechDetector();
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(frame);
      setSpeaking(detector.update(rms(frame), performance.now()));
    }, everyMs);
    return () => {
      window.clearInterval(timer);
      copy.stop();
      void context.close().catch(() => undefined);
    };
  }, [source]);
  return speaking;
}

/** Beside the microphone button: "You are muted" while someone talks into a muted microphone. */
export function MutedHint() {
  const speaking = useSpeakingWhileMuted();
  return (
    <span role="status" className="muted-hint">
      {speaking ? 'You are muted' : ''}
    </span>
  );
}
