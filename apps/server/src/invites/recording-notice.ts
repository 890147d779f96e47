/**
 * The recording notice shown before anyone joins. Consent records store the version shown, so the
 * text for a version is frozen: change the wording by adding a new version.
 */
export const recordingNotice = Object.freeze({
  version: '2026-11-v1',
  text: [
    'Assent records a session only if everyone in the call agrees.',
    'You will be asked before any recording starts, and nothing is recorded until every person present has said yes.',
    'You can withdraw your consent at any time with one click; recording stops immediately for everyone.',
  ].join(' '),
});
