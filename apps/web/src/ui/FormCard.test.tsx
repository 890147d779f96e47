// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormCard } from './FormCard';

afterEach(cleanup);

describe('FormCard', () => {
  it('names the card and its form by the heading, and submits with its button', async () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <FormCard headingId="h" title="Invite staff" onSubmit={onSubmit} submitLabel="Send" busy={false}>
        <label htmlFor="email">Email</label>
        <input id="email" />
      </FormCard>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Invite staff' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Invite staff' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Invite staff' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('shows the last refusal as an alert that takes focus, and a busy button', () => {
    render(
      <FormCard
        headingId="h"
        title="Change password"
        level="page"
        failure={{ title: 'Too many attempts', detail: 'Wait a minute, then try again.' }}
        failureMore={<p>One more thing.</p>}
        onSubmit={() => {}}
        submitLabel="Change password"
        busy
      >
        <input aria-label="Password" />
      </FormCard>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Change password' })).toBeTruthy();
    const alert = screen.getByRole('alert', { name: 'Too many attempts' });
    expect(alert.textContent).toContain('Wait a minute, then try again.');
    expect(alert.textContent).toContain('One more thing.');
    expect(document.activeElement).toBe(alert);
    const button = screen.getByRole('button', { name: 'Change password' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
  });

  it('shows what replaced the form once it has done its work, and what comes after', () => {
    render(
      <FormCard
        headingId="h"
        title="Forgot your password?"
        before={<p>Before the form.</p>}
        replacedBy={<p role="status">Link sent.</p>}
        after={<p>Back to sign in</p>}
        onSubmit={() => {}}
        submitLabel="Send reset link"
        busy={false}
      >
        <input aria-label="Email" />
      </FormCard>,
    );
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByText('Before the form.')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Link sent.');
    expect(screen.getByText('Back to sign in')).toBeTruthy();
  });
});
