/** What a policy version changed, in words, from the `changes` the version history carries. */
import type { PolicyChange } from '@assent/shared';
import { daysCount, listInWords } from '../ui/format';
import { retentionChoices, viewerChoices } from './policy-form';

type Value = PolicyChange['before'];

/** 90 → "3 months", 45 → "45 days". */
export function daysInWords(days: number): string {
  const named = retentionChoices.find((c) => c.value === String(days));
  return named ? named.label : daysCount(days);
}

function viewersInWords(value: Value): string {
  const roles = Array.isArray(value) ? value : [];
  const names = viewerChoices.filter((c) => roles.includes(c.role)).map((c) => c.label.toLowerCase());
  return names.length > 0 ? names.join(', ') : 'no staff';
}

/** 1440 → "1 day", 90 → "1 hour 30 minutes", 15 → "15 minutes". */
export function minutesInWords(minutes: number): string {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days > 0 ? count(days, 'day') : '',
    hours > 0 ? count(hours, 'hour') : '',
    rest > 0 || minutes === 0 ? count(rest, 'minute') : '',
  ];
  return parts.filter(Boolean).join(' ');
}

const minutes = (value: Value) => (typeof value === 'number' ? minutesInWords(value) : String(value));

/** The server lists reminder leads as strings of minutes: ["1440", "15"]. */
function remindersInWords(value: Value): string {
  const leads = Array.isArray(value) ? value.map(Number).filter(Number.isInteger) : [];
  return leads.length === 0 ? 'no reminders' : `${listInWords(leads.map(minutesInWords))} before`;
}

const quoted = (value: Value) => `“${String(value)}”`;
const percent = (value: Value) => `${String(value)} %`;
const days = (value: Value) => (typeof value === 'number' ? daysInWords(value) : String(value));

/**
 * One change as a sentence. `labelOf` names a purpose by its id (from the version's own purposes);
 * a field this page does not know is shown as it came, so nothing is hidden.
 */
export function changeInWords(change: PolicyChange, labelOf: (purposeId: string) => string): string {
  const { field, before, after } = change;
  const purpose = /^purposes\.([a-z][a-z0-9_]*)(?:\.(label|retentionDays|viewerRoles))?$/.exec(field);
  if (purpose && purpose[1] !== 'order') {
    const [, id = '', part] = purpose;
    if (part === undefined) {
      return after === null ? `Removed the purpose ${quoted(before)}` : `Added the purpose ${quoted(after)}`;
    }
    if (part === 'label') return `Renamed the purpose ${quoted(before)} to ${quoted(after)}`;
    const label = labelOf(id);
    if (part === 'retentionDays') return `${label}: recordings kept for ${days(after)}, was ${days(before)}`;
    return `${label}: watched by ${viewersInWords(after)}, was ${viewersInWords(before)}`;
  }
  switch (field) {
    case 'purposes.order':
      return 'Changed the order of the purposes';
    case 'participantPlaybackDays': {
      const playback = (v: Value) => (v === null ? 'no playback' : `playback for ${days(v)}`);
      return `Students and guardians: ${playback(after)}, was ${playback(before)}`;
    }
    case 'withdrawalRule':
      return after === 'erase'
        ? 'On withdrawal: erase the session’s recordings, was keep earlier recordings'
        : 'On withdrawal: keep earlier recordings, was erase the session’s recordings';
    case 'studentsMayShare':
      return after
        ? 'Students may now share their screen without the tutor letting them'
        : 'Students now share their screen only when the tutor lets them';
    case 'advanceGuardianConsent':
      return after ? 'Guardians may now consent in advance' : 'Guardians may no longer consent in advance';
    case 'adultGuestsAllowed':
      return after
        ? 'Tutors may now invite adult guests without an account'
        : 'Tutors may no longer invite adult guests without an account';
    case 'researchExportMedia':
      return after === 'audio'
        ? 'Research exports: sound only, was sound and video'
        : 'Research exports: sound and video, was sound only';
    case 'lateRequestDays':
      return `Expired links may report or ask for deletion for ${days(after)} after a session, was ${days(before)}`;
    case 'chatRetentionDays':
      return `Chat logs kept for ${days(after)}, was ${days(before)}`;
    case 'chatReaderRoles':
      return `Chat logs read afterwards by ${viewersInWords(after)}, was ${viewersInWords(before)}`;
    case 'chatParticipantsRead':
      return after
        ? 'Students and guardians may now read the chat of sessions they were in'
        : 'Students and guardians may no longer read the chat of sessions they were in';
    case 'joinOpensMinutesBefore':
      return `Join opens ${minutes(after)} before a session, was ${minutes(before)}`;
    case 'joinGraceMinutes':
      return `Join stays open ${minutes(after)} after a session ends, was ${minutes(before)}`;
    case 'guardianPresenceMinutes':
      return `A guardian is expected within ${minutes(after)} of a child’s start and end, was ${minutes(before)}`;
    case 'reminderLeadMinutes':
      return `Reminders: ${remindersInWords(after)}, was ${remindersInWords(before)}`;
    case 'talkTimeEnabled':
      return after
        ? 'Talk time is now measured in every session (from sound levels, never what is said)'
        : 'Talk time is no longer measured';
    case 'talkTimeReaderRoles':
      return `Talk time seen by ${viewersInWords(after)}, was ${viewersInWords(before)}`;
    case 'talkTimeLearnersSeeOwn':
      return after
        ? 'Each learner may now see their own share of talk time'
        : 'Learners may no longer see their own share of talk time';
    case 'talkTimeEngagingPercent':
      return `Highly engaging from ${percent(after)} learners’ talk, was ${percent(before)}`;
    case 'talkTimeLowPercent':
      return `Low talk by learners below ${percent(after)}, was ${percent(before)}`;
    case 'talkTimeHighPercent':
      return `High talk by learners from ${percent(after)}, was ${percent(before)}`;
    case 'talkTimeRetentionDays':
      return `Talk time kept for ${days(after)}, was ${days(before)}`;
    case 'transcriptsEnabled':
      return after
        ? 'Transcripts are now made of stored recordings'
        : 'Transcripts are no longer made of stored recordings';
    case 'transcriptRetentionDays':
      return `Transcripts kept for ${days(after)}, was ${days(before)}`;
    case 'noticeText':
      return 'Changed the recording notice';
    case 'agreementText':
      return 'Changed the online tutoring and recording policy';
    default:
      return `${field}: ${JSON.stringify(after)}, was ${JSON.stringify(before)}`;
  }
}
