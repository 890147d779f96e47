import { describe, expect, it } from 'vitest';
import { parseLiveRecordingState } from './room-state-schema';

const state = {
  version: 1,
  status: 'recording',
  banner: 'Recording — quality assurance',
  request: {
    requestId: 'r1',
    open: true,
    purpose: 'quality_assurance',
    purposeLabel: 'Quality assurance',
    viewers: 'Your tutor and the QA team',
    retentionDays: 90,
    noticeVersion: 'v1',
    noticeText: 'This session may be recorded.',
    withdrawalRule: 'keep',
  },
  consented: 3,
  required: 3,
  updatedAt: '2026-01-01T10:00:00.000Z',
};

describe('parseLiveRecordingState', () => {
  it('reads the state the server publishes', () => {
    expect(parseLiveRecordingState(JSON.stringify(state))).toEqual({ ...state, askAgainAt: null });
    const coolingDown = { ...state, askAgainAt: '2026-01-01T10:10:00.000Z' };
    expect(parseLiveRecordingState(JSON.stringify(coolingDown))).toEqual(coolingDown);
  });

  it.each([
    ['empty metadata', ''],
    ['no metadata', undefined],
    ['not JSON', '{recording'],
    ['another shape', JSON.stringify({ topic: 'fractions' })],
    ['an unknown status', JSON.stringify({ ...state, status: 'paused' })],
    ['a future version', JSON.stringify({ ...state, version: 2 })],
  ])('ignores %s', (_name, metadata) => {
    expect(parseLiveRecordingState(metadata)).toBeUndefined();
  });
});
