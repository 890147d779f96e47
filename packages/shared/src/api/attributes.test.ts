import { describe, expect, it } from 'vitest';
import { parseMyConsentMessage, seatRoleLabels } from './attributes';
import { SessionRole } from './roles';

describe('the private message carrying a person their own decision', () => {
  it('reads a decision on a request', () => {
    expect(parseMyConsentMessage('{"requestId":"req_1","decision":"withdrawn"}')).toEqual({
      requestId: 'req_1',
      decision: 'withdrawn',
    });
  });

  it.each([
    'not json',
    'null',
    '{"requestId":"req_1"}',
    '{"requestId":"","decision":"consented"}',
    '{"requestId":"req_1","decision":"maybe"}',
    '{"requestId":7,"decision":"consented"}',
  ])('ignores anything else: %s', (text) => {
    expect(parseMyConsentMessage(text)).toBeUndefined();
  });
});

describe('seat role labels', () => {
  it('names every seat role, an observer as Observer', () => {
    expect(Object.keys(seatRoleLabels).sort()).toEqual([...SessionRole.options].sort());
    expect(seatRoleLabels.observer).toBe('Observer');
  });
});
