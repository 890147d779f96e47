/** Talk time in words: the same numbers the chart draws, said so that nothing rests on colour alone. */
import type { TalkBand, TalkLines, TalkSpeaker } from '@assent/shared';

/** 12.345 → "12 %"; null (nobody spoke) → "no talk measured". */
export function percentInWords(percent: number | null): string {
  return percent === null ? 'no talk measured' : `${Math.round(percent)} %`;
}

/** A length of time: "45 s", "2 min 5 s", "1 h 3 min". */
export function secondsInWords(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes < 60) return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes === 0 ? `${hours} h` : `${hours} h ${restMinutes} min`;
}

/** A point on the session's clock: "0:05", "12:30", "1:02:03". */
export function clockOf(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The band against the policy's lines, in words. */
export function bandInWords(band: TalkBand | null, lines: TalkLines): string {
  switch (band) {
    case 'low':
      return `Low: learners spoke less than ${lines.lowPercent} % of the time`;
    case 'middle':
      return `Middle: learners spoke between ${lines.lowPercent} % and ${lines.highPercent} % of the time`;
    case 'high':
      return `High: learners spoke ${lines.highPercent} % of the time or more`;
    default:
      return 'No band: nobody spoke';
  }
}

/** Whether the share reaches Schoolhouse's "highly engaging" line, in words; null when nobody spoke. */
export function engagingInWords(percent: number | null, lines: TalkLines): string | null {
  if (percent === null) return null;
  return percent >= lines.engagingPercent
    ? `Highly engaging: learners’ share reached the ${lines.engagingPercent} % line`
    : `Below the ${lines.engagingPercent} % line for a highly engaging session`;
}

const roleWords: Record<TalkSpeaker['role'], string> = {
  tutor: 'Tutor',
  student: 'Student',
  guardian: 'Guardian',
};

export function speakerRoleInWords(role: TalkSpeaker['role']): string {
  return roleWords[role];
}

/** What a consent event on the axis means, in words: "Sam consented", "Recording started". */
export function consentEventInWords(kind: string, name: string | null): string {
  const who = name ?? 'Someone';
  switch (kind) {
    case 'requested':
      return `${who} asked to record`;
    case 'consented':
      return `${who} consented`;
    case 'declined':
      return `${who} declined`;
    case 'withdrawn':
      return `${who} withdrew consent`;
    case 'cancelled':
      return `${who} cancelled the request to record`;
    case 'recording_started':
      return 'Recording started';
    case 'recording_stopped':
      return 'Recording stopped';
    default:
      return name ? `${kind.replace(/_/g, ' ')}: ${name}` : kind.replace(/_/g, ' ');
  }
}

/** Ticks for an axis of `seconds`: about five round steps (10 s, 30 s, 1 min, 5 min, …). */
export function axisTicks(seconds: number): number[] {
  if (seconds <= 0) return [0];
  const steps = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((s) => seconds / s <= 6) ?? 3600 * Math.ceil(seconds / 3600 / 6);
  const ticks: number[] = [];
  for (let t = 0; t <= seconds; t += step) ticks.push(t);
  return ticks;
}
