import { DeletionRecordList, PlaybackGrant, RecordingDetail, RecordingList } from '@assent/shared';
import { config } from '../config';
import { requestParsed } from './parsed';

// The recording vault, as the signed-in person: their recordings, one recording's consents, a playback
// grant (each one an audited view), and the admins' deletion records. Only the recordings pages load this
// module, so the zod schemas that check each answer stay out of the first load.

const api = config.apiBase;

const recordingUrl = (id: string) => `${api}/recordings/${encodeURIComponent(id)}`;

/** What the caller may watch; 401 when signed out. */
export function fetchRecordings(): Promise<RecordingList> {
  return requestParsed(RecordingList, `${api}/recordings`);
}

/** One recording and the consents it was made under; 404 `not_found` also when the caller may not watch it. */
export function fetchRecording(id: string): Promise<RecordingDetail> {
  return requestParsed(RecordingDetail, recordingUrl(id));
}

/**
 * Asks to watch: the server logs the view and answers a media URL for the video element, or refuses
 * (403 `playback_window_closed`, ...) with a message for the person.
 */
export function requestPlayback(id: string): Promise<PlaybackGrant> {
  return requestParsed(PlaybackGrant, `${recordingUrl(id)}/playback`, { method: 'POST', body: '{}' });
}

/** Admins only: what was destroyed, when and why. */
export function fetchDeletionRecords(): Promise<DeletionRecordList> {
  return requestParsed(DeletionRecordList, `${api}/admin/deletions`);
}
