// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionChatLink } from './SessionChatLink';

afterEach(cleanup);

const session = { sessionId: 'ses_1', title: 'Algebra' };

describe('the way to a session’s chat log and whiteboard afterwards', () => {
  it('is offered only where the server says the caller may read them', () => {
    const { container } = render(<SessionChatLink session={{ ...session, mayReadChatLog: false }} />);
    expect(container.textContent).toBe('');
    cleanup();
    render(<SessionChatLink session={session} />);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('links the chat log, and the whiteboard only when one was kept', () => {
    render(<SessionChatLink session={{ ...session, mayReadChatLog: true, hasSavedBoard: false }} />);
    expect(screen.getByRole('link', { name: 'Chat log of Algebra' }).getAttribute('href')).toBe(
      '/sessions/ses_1/chat',
    );
    expect(screen.queryByRole('link', { name: 'Whiteboard of Algebra' })).toBeNull();
    cleanup();
    render(<SessionChatLink session={{ ...session, mayReadChatLog: true, hasSavedBoard: true }} />);
    expect(screen.getByRole('link', { name: 'Whiteboard of Algebra' }).getAttribute('href')).toBe(
      '/sessions/ses_1/board',
    );
  });
});
