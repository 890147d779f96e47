import { EgressStatus } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { layoutPageUrl, toEgressSnapshot } from './egress';

describe('the recording layout page address', () => {
  it('carries the session title for the footer, keeping the base address', () => {
    const url = new URL(
      layoutPageUrl('http://127.0.0.1:8787/recording-layout/', { title: 'Algebra & more, wk 3' }),
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8787/recording-layout/');
    expect(url.searchParams.get('title')).toBe('Algebra & more, wk 3');
  });

  it('carries the key the page reads the whiteboard with', () => {
    const url = new URL(
      layoutPageUrl('http://127.0.0.1:8787/recording-layout/', { title: 'Maths', boardKey: 'abc.def' }),
    );
    expect(url.searchParams.get('board')).toBe('abc.def');
    expect(url.searchParams.get('title')).toBe('Maths');
  });

  it('adds nothing when there is no title', () => {
    expect(layoutPageUrl('https://assent.example/recording-layout/', {})).toBe(
      'https://assent.example/recording-layout/',
    );
  });
});

describe('an egress as the server sees it', () => {
  it('keeps when its file began apart from when egress began, and nothing before egress says', () => {
    const info = {
      egressId: 'EG_1',
      roomName: 'rm_1',
      status: EgressStatus.EGRESS_ACTIVE,
      startedAt: 1_796_637_600_000_000_000n,
      fileResults: [{ filename: '/rec/a.mp4', startedAt: 1_796_637_604_630_000_000n }],
    };
    expect(toEgressSnapshot(info)).toMatchObject({
      status: 'EGRESS_ACTIVE',
      startedAt: '2026-12-07T10:00:00.000Z',
      fileStartedAt: '2026-12-07T10:00:04.630Z',
    });
    const starting = { ...info, status: EgressStatus.EGRESS_STARTING, fileResults: [{ filename: '' }] };
    expect(toEgressSnapshot(starting).fileStartedAt).toBeUndefined();
    expect(
      toEgressSnapshot({ ...starting, fileResults: [{ filename: '', startedAt: 0n }] }).fileStartedAt,
    ).toBe(undefined);
  });
});
