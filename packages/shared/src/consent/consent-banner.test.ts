import { describe, expect, it } from 'vitest';
import { RecordingStatus } from '../api/consent';
import { consent, join, play, recording, request, withdraw } from '../test-support/consent-steps';
import { bannerFor, type ConsentStatus } from './consent-banner';
import { createConsentState } from './consent-machine';

/** Every status the machine can report, checked at compile time to be complete. */
const everyStatus: Record<ConsentStatus, true> = {
  not_requested: true,
  waiting: true,
  starting: true,
  recording: true,
  stopping: true,
  stopped_withdrawn: true,
  declined: true,
  failed: true,
};

describe('recording banner', () => {
  it('reports exactly the statuses the room state contract publishes', () => {
    expect(Object.keys(everyStatus).sort()).toEqual([...RecordingStatus.options].sort());
  });

  it('reads "Not recording" while off and "Recording" while an egress may capture', () => {
    expect(bannerFor(createConsentState()).text).toBe('Not recording');
    const waiting = play(
      createConsentState(),
      join('tutor'),
      join('adult'),
      request('r1'),
      consent('r1', 'p-adult'),
    );
    expect(bannerFor(waiting.state).text).toContain('Not recording');
    expect(bannerFor(recording()).text).toBe('Recording — quality assurance');
    expect(bannerFor(play(recording(), join('stranger')).state).text).toBe('Recording stopping');
  });

  it('never says who withdrew', () => {
    const { state } = play(recording(), withdraw('r1', 'p-adult'));
    expect(bannerFor(state).text).toBe('Recording stopped — a participant withdrew consent');
  });
});
