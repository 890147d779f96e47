import type { OrganisationPolicy } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import {
  checkPolicyDraft,
  draftFromPolicy,
  newPurpose,
  parseDays,
  parseMinutesList,
  purposeIdFromLabel,
  retentionChoiceOf,
  retentionDaysOf,
  saveRequestOf,
  withRetention,
  withViewer,
} from './policy-form';

const saved: OrganisationPolicy = {
  version: 4,
  noticeVersion: 'policy-4',
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'Ada Admin',
  policy: {
    purposes: [
      { id: 'quality_assurance', label: 'Quality assurance', retentionDays: 90, viewerRoles: ['reviewer'] },
      { id: 'safeguarding', label: 'Safeguarding', retentionDays: 400, viewerRoles: ['admin', 'reviewer'] },
    ],
    participantPlaybackDays: 30,
    withdrawalRule: 'keep',
    advanceGuardianConsent: true,
    adultGuestsAllowed: false,
    researchExportMedia: 'audio',
    lateRequestDays: 30,
    askAgainAfterMinutes: 10,
    chatRetentionDays: 90,
    chatReaderRoles: ['tutor', 'reviewer'],
    chatParticipantsRead: false,
    studentsMayShare: false,
    joinOpensMinutesBefore: 10,
    joinGraceMinutes: 15,
    guardianPresenceMinutes: 5,
    reminderLeadMinutes: [1440, 15],
    talkTimeEnabled: false,
    talkTimeReaderRoles: ['admin', 'reviewer', 'tutor'],
    talkTimeLearnersSeeOwn: false,
    talkTimeEngagingPercent: 10,
    talkTimeLowPercent: 25,
    talkTimeHighPercent: 50,
    talkTimeRetentionDays: 1095,
    transcriptsEnabled: false,
    transcriptRetentionDays: 1095,
    organisationName: '',
    organisationContact: '',
    noticeText: 'Sessions may be recorded when everyone agrees.',
    agreementText: 'Our online tutoring and recording policy, in full.',
  },
};

describe('retention choice and days', () => {
  it('names the usual periods and calls anything else a number of days', () => {
    expect(retentionChoiceOf(30)).toBe('30');
    expect(retentionChoiceOf(90)).toBe('90');
    expect(retentionChoiceOf(365)).toBe('365');
    expect(retentionChoiceOf(400)).toBe('custom');
    expect(retentionChoiceOf(1)).toBe('custom');
  });

  it('turns a choice back into days, reading the typed number only for a custom choice', () => {
    expect(retentionDaysOf('90', '12')).toBe(90);
    expect(retentionDaysOf('custom', '12')).toBe(12);
    expect(retentionDaysOf('custom', ' 45 ')).toBe(45);
    expect(retentionDaysOf('custom', '')).toBeNaN();
  });

  it('reads whole numbers of days only', () => {
    expect(parseDays('7')).toBe(7);
    for (const text of ['', '2.5', '-3', '1e3', 'ten', '0x10']) expect(parseDays(text)).toBeNaN();
  });

  it('starts a custom number of days from the period chosen before', () => {
    const purpose = { ...newPurpose(), retention: '365' as const, customDays: '' };
    expect(withRetention(purpose, 'custom')).toMatchObject({ retention: 'custom', customDays: '365' });
    const typed = { ...purpose, retention: 'custom' as const, customDays: '12' };
    expect(withRetention(typed, '30')).toMatchObject({ retention: '30', customDays: '12' });
  });
});

describe('purposeIdFromLabel', () => {
  it.each([
    ['Quality assurance', 'quality_assurance'],
    ['  Student playback! ', 'student_playback'],
    ['Safeguarding / child protection', 'safeguarding_child_protection'],
    ['Évaluation des élèves', 'evaluation_des_eleves'],
    ['2nd opinion', 'purpose_2nd_opinion'],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (label, id) => {
    expect(purposeIdFromLabel(label)).toBe(id);
  });

  it('keeps within 60 characters and never ends with _', () => {
    const id = purposeIdFromLabel(`${'a'.repeat(59)} b`);
    expect(id).toBe('a'.repeat(59));
    expect(purposeIdFromLabel('x'.repeat(100))).toHaveLength(60);
  });
});

describe('policy form ↔ request body', () => {
  it('round-trips a saved policy unchanged', () => {
    const draft = draftFromPolicy(saved);
    expect(draft.purposes[1]).toMatchObject({
      retention: 'custom',
      customDays: '400',
      savedId: 'safeguarding',
    });
    const body = { basedOnVersion: 4, ...saved.policy };
    expect(saveRequestOf(draft)).toEqual(body);
    expect(checkPolicyDraft(draft)).toEqual({ ok: true, body });
  });

  it('keeps a saved purpose’s id when its label changes, and derives a new purpose’s id', () => {
    const draft = draftFromPolicy(saved);
    const [first] = draft.purposes;
    if (!first) throw new Error('no purpose');
    first.label = 'Quality review';
    draft.purposes.push({ ...newPurpose(), label: 'Student playback', retention: '30' });
    const input = saveRequestOf(draft);
    expect(input.purposes.map((p) => p.id)).toEqual([
      'quality_assurance',
      'safeguarding',
      'student_playback',
    ]);
    expect(input.purposes[2]).toMatchObject({ retentionDays: 30, viewerRoles: ['reviewer', 'admin'] });
  });

  it('keeps whether adult guests are allowed, as ticked', () => {
    const draft = draftFromPolicy(saved);
    expect(draft.adultGuestsAllowed).toBe(false);
    expect(saveRequestOf({ ...draft, adultGuestsAllowed: true }).adultGuestsAllowed).toBe(true);
  });

  it('sends no playback window when participants may not play back', () => {
    const draft = { ...draftFromPolicy(saved), playback: 'none' as const, playbackDays: '30' };
    expect(saveRequestOf(draft).participantPlaybackDays).toBeNull();
  });

  it('ticks and unticks viewers, in the order the form lists them', () => {
    expect(withViewer(['admin'], 'tutor', true)).toEqual(['tutor', 'admin']);
    expect(withViewer(['reviewer', 'admin'], 'reviewer', false)).toEqual(['admin']);
    expect(withViewer(['admin'], 'admin', true)).toEqual(['admin']);
  });
});

describe('checkPolicyDraft', () => {
  it('reports problems against the fields they belong to', () => {
    const draft = draftFromPolicy(saved);
    draft.purposes[1] = { ...(draft.purposes[1] ?? newPurpose()), customDays: 'soon' };
    draft.purposes.push({ ...newPurpose(), label: 'Safeguarding' });
    draft.playbackDays = '0';
    draft.noticeText = 'Too short';
    const check = checkPolicyDraft(draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fields['purposes.1.retentionDays']).toBe('Enter a whole number of days');
    expect(check.fields['purposes.2.id']).toMatch(/already uses the id “safeguarding”/);
    expect(check.fields.participantPlaybackDays).toBe('At least one day');
    expect(check.fields.noticeText).toBe('The notice needs at least 20 characters');
  });

  it('needs a label on a new purpose', () => {
    const draft = draftFromPolicy(saved);
    draft.purposes.push(newPurpose());
    const check = checkPolicyDraft(draft);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.fields['purposes.2.label']).toBe('A label is required');
  });

  it('needs at least one purpose', () => {
    const check = checkPolicyDraft({ ...draftFromPolicy(saved), purposes: [] });
    expect(check).toEqual({ ok: false, fields: { purposes: 'At least one purpose' } });
  });

  it('says at once when nobody could watch a purpose’s recordings', () => {
    const draft = { ...draftFromPolicy(saved), playback: 'none' as const, noticeText: 'short' };
    draft.purposes[0] = { ...(draft.purposes[0] ?? newPurpose()), viewerRoles: [] };
    const check = checkPolicyDraft(draft);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.fields['purposes.0.viewerRoles']).toMatch(/^Nobody could watch/);
    // With playback allowed, participants can watch, so no staff need to.
    expect(checkPolicyDraft({ ...draft, playback: 'days', noticeText: saved.policy.noticeText }).ok).toBe(
      true,
    );
  });
});

describe('scheduling minutes', () => {
  it('reads the reminders as a list, largest first, and an empty box as none', () => {
    expect(parseMinutesList('15, 1440')).toEqual([1440, 15]);
    expect(parseMinutesList(' 60 ; 5 ')).toEqual([60, 5]);
    expect(parseMinutesList('')).toEqual([]);
    const odd = parseMinutesList('1440, soon');
    expect(odd[0]).toBe(1440);
    expect(odd[1]).toBeNaN();
  });

  it('holds the minutes as typed and sends them as numbers', () => {
    const draft = draftFromPolicy(saved);
    expect(draft.scheduling).toEqual({
      joinOpensMinutesBefore: '10',
      joinGraceMinutes: '15',
      guardianPresenceMinutes: '5',
      reminderLeadMinutes: '1440, 15',
    });
    draft.scheduling = {
      ...draft.scheduling,
      guardianPresenceMinutes: '',
      reminderLeadMinutes: '1, 2, 3, 4, 5',
    };
    const check = checkPolicyDraft(draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fields.guardianPresenceMinutes).toBe('Enter whole minutes');
    expect(check.fields.reminderLeadMinutes).toBe('At most four reminders');
  });
});

describe('the session-insights fields', () => {
  const draft = () => draftFromPolicy(saved);

  it('holds percents and days as typed, and sends them as numbers', () => {
    const d = draft();
    expect(d.insights.talkTimeLowPercent).toBe('25');
    d.insights = {
      ...d.insights,
      talkTimeEnabled: true,
      talkTimeHighPercent: '60',
      transcriptRetentionDays: '30',
    };
    expect(saveRequestOf(d)).toMatchObject({
      talkTimeEnabled: true,
      talkTimeHighPercent: 60,
      transcriptRetentionDays: 30,
    });
  });

  it('says what is wrong with a percent or a number of days, against its field', () => {
    const d = draft();
    d.insights = {
      ...d.insights,
      talkTimeEngagingPercent: 'ten',
      talkTimeLowPercent: '0',
      talkTimeRetentionDays: '',
      transcriptRetentionDays: '4000',
    };
    const check = checkPolicyDraft(d);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fields.talkTimeEngagingPercent).toBe('Enter a whole percent');
    expect(check.fields.talkTimeLowPercent).toBe('Between 1 and 99 percent');
    expect(check.fields.talkTimeRetentionDays).toBe('Enter a whole number of days');
    expect(check.fields.transcriptRetentionDays).toBe('At most 3650 days (ten years)');
  });

  it('says straight away when the high line is not above the low line', () => {
    const d = draft();
    d.insights = {
      ...d.insights,
      talkTimeLowPercent: '50',
      talkTimeHighPercent: '40',
      talkTimeRetentionDays: 'x',
    };
    const check = checkPolicyDraft(d);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.fields.talkTimeHighPercent).toBe('The high line must be above the low line');
  });
});
