import type { ResearchEligibility, ResearchExportMedia } from '@assent/shared';
import { countInWords } from '../../ui/format';

/** Whether a session may go to researchers, in words for the admin ("2 of 3 agreed"). */
export function eligibilityInWords(eligibility: ResearchEligibility): string {
  switch (eligibility.reason) {
    case null:
      return 'Everyone agreed';
    case 'unknown_participant':
      return 'An unknown participant was in the call';
    case 'refused':
      return 'Someone refused';
    case 'guardian_missing':
      return 'A guardian has not agreed for a child';
    case 'nobody_present':
      return 'Nobody was seen in the call';
    case 'not_all_agreed':
      return `${eligibility.agreed} of ${eligibility.total} agreed`;
  }
}

/** "1 session, 2 recordings" */
export const exportSize = (sessions: number, recordings: number) =>
  `${countInWords(sessions, 'session', 'sessions')}, ${countInWords(recordings, 'recording', 'recordings')}`;

/**
 * What leaves Assent when a session is shared for research, said exactly: the sound alone still carries
 * voices (and what is said), and the video carries faces and the names shown under each picture.
 */
export function whatResearchersReceive(media: ResearchExportMedia): string {
  return media === 'audio'
    ? 'Researchers who study tutoring may receive the sound of sessions where everyone agreed: what was said, in everyone’s voices, without the video. Voices can identify people. Their list of who took part gives codes instead of names.'
    : 'Researchers who study tutoring may receive the video and sound of sessions where everyone agreed: faces, voices and the names shown under each picture, which can identify people. Their list of who took part gives codes instead of names.';
}
