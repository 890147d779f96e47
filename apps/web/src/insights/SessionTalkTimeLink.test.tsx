// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionTalkTimeLink } from './SessionTalkTimeLink';

afterEach(cleanup);

describe('the Talk time link in Your sessions', () => {
  it('links the session to its talk time page where the server says the caller may read it', () => {
    render(<SessionTalkTimeLink session={{ sessionId: 'ses 1', mayReadTalkTime: true }} />);
    expect(screen.getByRole('link', { name: 'Talk time' }).getAttribute('href')).toBe(
      '/sessions/ses%201/insights',
    );
  });

  it('is not offered where the server says the caller may not, or does not say', () => {
    for (const mayReadTalkTime of [false, undefined]) {
      render(<SessionTalkTimeLink session={{ sessionId: 'ses 1', mayReadTalkTime }} />);
      expect(screen.queryByRole('link', { name: 'Talk time' })).toBeNull();
      cleanup();
    }
  });
});
