/**
 * What a recording captures beyond cameras and microphones, stated wherever recording is explained (the
 * pre-session notice and the consent prompt) because the recording layout shows a shared screen, or the
 * whiteboard while it is open, as its main stage. The chat is not in the recording: it is kept with the
 * session whether or not it is recorded, which the notice's chat sentence says. A sentence of the product's, beside the organisation's own versioned notice text.
 */
export const sharedScreensRecorded =
  'A shared screen (with its sound, where shared) and the whiteboard while it is open are part of what is recorded, like cameras and microphones. The chat is not in the recording.';
