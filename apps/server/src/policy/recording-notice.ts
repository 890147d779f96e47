/**
 * The recording notice Assent showed before the organisation's policy became data. Consent records
 * made then cite its version, `2026-11-v1`, so its text is kept here: those records still show the
 * words people agreed to. Version 1 of the policy starts from the same words; every later notice is a
 * policy version (`policy-N`).
 */
export const legacyRecordingNotice = Object.freeze({
  version: '2026-11-v1',
  text: [
    'Assent records a session only if everyone in the call agrees.',
    'You will be asked before any recording starts, and nothing is recorded until every person present has said yes.',
    'You can withdraw your consent at any time with one click; recording stops immediately for everyone.',
  ].join(' '),
});
