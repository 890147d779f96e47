import { randomBytes } from 'node:crypto';

/** 16 random bytes as 22 base64url characters: unguessable, and says nothing about who or what. */
function opaque(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('base64url')}`;
}

export const newSessionId = () => opaque('ses_');
export const newSeriesId = () => opaque('ser_');
export const newPersonId = () => opaque('per_');
export const newRoomName = () => opaque('rm_');
/** LiveKit identities are visible to everyone in the room, so they must never carry the name. */
export const newParticipantIdentity = () => opaque('p_');
export const newRecordingId = () => opaque('rec_');
export const newViewId = () => opaque('view_');
export const newDeletionRecordId = () => opaque('del_');
export const newDeletionRequestId = () => opaque('dreq_');
export const newChatMessageId = () => opaque('msg_');
export const newTranscriptId = () => opaque('trn_');
