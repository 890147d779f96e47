// @vitest-environment jsdom
import type { AccountRole, MeUser } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { navigate } from '../router';
import { AccountNav } from './AccountNav';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const user = (role: AccountRole): MeUser =>
  ({ id: 'u_1', name: 'Ari Admin', email: 'ari@example.org', role }) as MeUser;

const nav = () => screen.getByRole('navigation', { name: 'Your account' });
const linkNames = (scope: HTMLElement) =>
  within(scope)
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('AccountNav', () => {
  it('groups an admin’s organisation pages under People, Policy and Oversight, keeping their link names', () => {
    render(<AccountNav user={user('admin')} />);
    const list = (heading: string) => screen.getByRole('list', { name: heading });
    expect(
      within(nav())
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['People', 'Policy', 'Oversight']);
    expect(linkNames(list('People'))).toEqual(['People']);
    expect(linkNames(list('Policy'))).toEqual(['Recording policy', 'Policy']);
    expect(linkNames(list('Oversight'))).toEqual([
      'Requests',
      'Safeguarding',
      'Audit log',
      'Deletion records',
      'Guardian presence',
      'Research',
    ]);
    // Every link once: nothing lost in the grouping, nothing twice.
    expect(linkNames(nav())).toHaveLength(13);
    expect(new Set(linkNames(nav())).size).toBe(13);
  });

  it.each([
    ['tutor', ['Home', 'Recordings', 'Your requests', 'Policy', 'Account']],
    ['guardian', ['Home', 'Recordings', 'Your requests', 'Policy', 'Account']],
    ['student', ['Home', 'Recordings', 'Your requests', 'Policy', 'Account']],
    ['reviewer', ['Home', 'Recordings', 'Safeguarding', 'Your requests', 'Policy', 'Account']],
  ] as const)('shows a %s only their own pages, without groups', (role, names) => {
    render(<AccountNav user={user(role)} />);
    expect(linkNames(nav())).toEqual(names);
    expect(within(nav()).queryAllByRole('heading')).toEqual([]);
  });

  it('marks the link to the page in view, and moves the mark on navigation', async () => {
    window.history.replaceState(null, '', '/admin/audit');
    render(<AccountNav user={user('admin')} />);
    const current = () =>
      within(nav())
        .getAllByRole('link')
        .filter((a) => a.getAttribute('aria-current'));
    expect(current().map((a) => [a.textContent, a.getAttribute('aria-current')])).toEqual([
      ['Audit log', 'page'],
    ]);
    await userEvent.click(within(nav()).getByRole('link', { name: 'Requests' }));
    expect(window.location.pathname).toBe('/admin/requests');
    expect(current().map((a) => a.textContent)).toEqual(['Requests']);
  });

  it('opens and folds the menu with its button and Escape, and folds it after moving page', async () => {
    render(<AccountNav user={user('tutor')} />);
    const button = within(nav()).getByRole('button', { name: 'Menu' });
    const menu = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(menu?.getAttribute('data-open')).toBe('false');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(menu?.getAttribute('data-open')).toBe('true');
    await userEvent.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    await userEvent.click(button);
    navigate('/recordings');
    await screen.findByRole('button', { name: 'Menu', expanded: false });
  });
});
