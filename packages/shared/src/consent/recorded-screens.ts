/**
 * What a recording captures beyond cameras and microphones, stated wherever recording is explained (the
 * pre-session notice and the consent prompt) because the recording layout shows a shared screen as its
 * main stage. A sentence of the product's, beside the organisation's own versioned notice text.
 */
export const sharedScreensRecorded =
  'A shared screen (with its sound, where shared) is part of what is recorded, like cameras and microphones.';
