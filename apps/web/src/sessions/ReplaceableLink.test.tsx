// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { ReplaceableLink } from './ReplaceableLink';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const props = {
  sessionId: 'ses_1',
  personId: 'per_1',
  name: 'Flo',
  label: 'Join link for Flo',
  url: 'http://assent.test/join/old',
};

describe('Replace link', () => {
  it('shows the new link in place of the old one, once made', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi(() => ({
      status: 201,
      body: { personId: 'per_1', url: 'http://assent.test/join/new', expiresAt: '2030-01-01T00:00:00.000Z' },
    }));
    render(<ReplaceableLink {...props} />);
    const field = screen.getByRole('textbox', { name: 'Join link for Flo' });
    expect(field).toHaveProperty('value', 'http://assent.test/join/old');
    await user.click(screen.getByRole('button', { name: 'Replace link for Flo' }));
    expect(
      await screen.findByText(/New link made for Flo\. The earlier link no longer works/),
    ).toHaveProperty('role', 'status');
    expect(field).toHaveProperty('value', 'http://assent.test/join/new');
    expect(requestsMade(fetchMock)).toEqual(['POST /api/sessions/ses_1/seats/per_1/link']);
  });

  it('keeps the old link and says why when refused', async () => {
    const user = userEvent.setup();
    stubApi(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'no' } } }));
    render(<ReplaceableLink {...props} />);
    await user.click(screen.getByRole('button', { name: 'Replace link for Flo' }));
    expect((await screen.findByRole('alert')).textContent).toContain("Your account can't do this");
    expect(screen.getByRole('textbox', { name: 'Join link for Flo' })).toHaveProperty(
      'value',
      'http://assent.test/join/old',
    );
  });
});
