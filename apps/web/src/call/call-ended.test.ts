import { DisconnectReason } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { CallDisconnected, endingOf } from './call-ended';

describe('how a call ended', () => {
  it('tells the tutor ending the session and a removal from a lost connection', () => {
    expect(endingOf(new CallDisconnected(DisconnectReason.ROOM_DELETED))).toBe('ended');
    expect(endingOf(new CallDisconnected(DisconnectReason.PARTICIPANT_REMOVED))).toBe('removed');
    expect(endingOf(new CallDisconnected(DisconnectReason.SIGNAL_CLOSE))).toBeUndefined();
    expect(endingOf(new CallDisconnected(undefined))).toBeUndefined();
    expect(endingOf(new Error('Disconnected: ROOM_DELETED'))).toBeUndefined();
  });
});
