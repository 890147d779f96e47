// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MoreControls } from './MoreControls';

afterEach(cleanup);

function renderMore() {
  render(
    <>
      <MoreControls>
        <button type="button">Raise hand</button>
      </MoreControls>
      <button type="button">Withdraw consent</button>
    </>,
  );
  const more = screen.getByRole('button', { name: 'More' });
  const panel = () => document.getElementById(String(more.getAttribute('aria-controls')));
  return { more, panel };
}

describe('"More" in the control bar', () => {
  it('opens and closes from the keyboard, and gives the focus back on Escape', async () => {
    const user = userEvent.setup();
    const { more, panel } = renderMore();
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(panel()?.dataset.open).toBe('false');
    more.focus();
    await user.keyboard('{Enter}');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(panel()?.dataset.open).toBe('true');
    expect(panel()?.contains(screen.getByRole('button', { name: 'Raise hand' }))).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Raise hand' }));
    await user.keyboard('{Escape}');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(more);
    await user.keyboard(' ');
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });

  it('stays open while its own controls are used, and closes on a click elsewhere', async () => {
    const user = userEvent.setup();
    const { more } = renderMore();
    await user.click(more);
    await user.click(screen.getByRole('button', { name: 'Raise hand' }));
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Withdraw consent' }));
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });
});
