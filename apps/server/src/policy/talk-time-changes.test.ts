import { describe, expect, it } from 'vitest';
import { defaultPolicyInput } from './default-policy';
import { describePolicyChanges } from './policy-service';

const before = defaultPolicyInput({ purposes: ['quality_assurance'], retentionDays: 30 });

describe('policy changes to talk time and transcripts', () => {
  it('are changes of their own, so saving only them makes a new version', () => {
    expect(describePolicyChanges(before, { ...before, talkTimeLearnersSeeOwn: true })).toEqual([
      { field: 'talkTimeLearnersSeeOwn', before: false, after: true },
    ]);
    expect(describePolicyChanges(before, { ...before, talkTimeReaderRoles: ['reviewer'] })).toEqual([
      { field: 'talkTimeReaderRoles', before: ['admin', 'reviewer', 'tutor'], after: ['reviewer'] },
    ]);
    expect(
      describePolicyChanges(before, { ...before, talkTimeLowPercent: 20, transcriptRetentionDays: 365 }).map(
        (c) => c.field,
      ),
    ).toEqual(['talkTimeLowPercent', 'transcriptRetentionDays']);
    expect(describePolicyChanges(before, { ...before })).toEqual([]);
  });
});
