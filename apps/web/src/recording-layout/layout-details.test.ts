import type { LiveRecordingState } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { clockText, layoutParams, purposeOf } from './layout-details';

describe('recording layout page parameters', () => {
  it('reads what egress adds and the title the server gave', () => {
    const search = '?title=Algebra%2C+week+3&layout=grid&url=ws%3A%2F%2F127.0.0.1%3A7880&token=abc.def';
    expect(layoutParams(search)).toEqual({
      livekitUrl: 'ws://127.0.0.1:7880',
      token: 'abc.def',
      title: 'Algebra, week 3',
      boardKey: '',
    });
  });

  it('reads the key to the session whiteboard the server put in the address', () => {
    expect(layoutParams('?board=k3y&url=ws%3A%2F%2F127.0.0.1%3A7880&token=t')?.boardKey).toBe('k3y');
  });

  it('refuses to run without a LiveKit address and token', () => {
    expect(layoutParams('?title=x')).toBeUndefined();
    expect(layoutParams('?url=http://evil.example&token=t')).toBeUndefined();
  });

  it('keeps an overlong title to the footer', () => {
    expect(layoutParams(`?url=wss://lk.example&token=t&title=${'x'.repeat(500)}`)?.title).toHaveLength(120);
  });
});

describe('recording layout footer', () => {
  it('names the purpose once the server has published the request', () => {
    expect(purposeOf(undefined)).toBe('');
    const state = { request: { purposeLabel: 'Quality assurance' } } as LiveRecordingState;
    expect(purposeOf(state)).toBe('Quality assurance');
  });

  it('shows the date and time to the second, with the zone', () => {
    const at = new Date(Date.UTC(2026, 10, 22, 9, 5, 7));
    expect(clockText(at, 'UTC')).toBe('22 Nov 2026, 09:05:07 UTC');
    expect(clockText(at, 'Europe/Berlin')).toBe('22 Nov 2026, 10:05:07 CET');
  });
});
