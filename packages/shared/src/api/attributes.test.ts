import { describe, expect, it } from 'vitest';
import { parseMyConsentMessage } from './attributes';

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
