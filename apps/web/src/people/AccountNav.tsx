import type { MeUser } from '@assent/shared';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { signOut } from '../api/auth';
import { describeFailure } from '../api/failure-words';
import { navigate, usePathname } from '../router';
import { AppLink } from '../ui/AppLink';
import { useAccountStore } from './account-store';
import { isCurrent, type NavLink, navFor } from './nav-links';
import { roleLabel } from './role-labels';
import '../styles/signed-in.css';

/**
 * The signed-in person's name and role, their pages, and Sign out; for an admin, the organisation's
 * pages grouped under People, Policy and Oversight. On a phone the links fold behind a Menu button.
 */
export function AccountNav({ user }: { user: MeUser }) {
  const pathname = usePathname();
  const signedOut = useAccountStore((s) => s.signedOut);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const { own, groups } = navFor(user.role);

  // A link followed from the open menu lands on its page with the menu folded again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each move to another page
  useEffect(() => setOpen(false), [pathname]);

  const onSignOut = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await signOut();
      signedOut('You are signed out.');
      navigate('/');
    } catch (error) {
      const message = describeFailure(error);
      setFailure(`Could not sign out. ${message.detail}`);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  const link = ({ href, label }: NavLink) => (
    <li key={href}>
      <AppLink href={href} aria-current={isCurrent(href, pathname) ? 'page' : undefined}>
        {label}
      </AppLink>
    </li>
  );

  return (
    <nav className="account-nav" aria-label="Your account" onKeyDown={onKeyDown}>
      <p className="account-nav__who">
        <span className="account-nav__name">{user.name}</span>{' '}
        <span className="badge">{roleLabel[user.role]}</span>
      </p>
      <button
        ref={toggle}
        type="button"
        className="button button--quiet button--small account-nav__toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((was) => !was)}
      >
        Menu
      </button>
      <div id={menuId} className="account-nav__menu" data-open={open}>
        <ul className="account-nav__links">
          {own.map(link)}
          <li>
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={busy}
              onClick={onSignOut}
            >
              Sign out
            </button>
          </li>
        </ul>
        {groups.length > 0 && (
          <div className="account-nav__groups">
            {groups.map((group) => (
              <div key={group.id} className={`account-nav__group account-nav__group--${group.id}`}>
                <h2 className="account-nav__heading" id={`${menuId}-${group.id}`}>
                  {group.heading}
                </h2>
                <ul className="account-nav__links" aria-labelledby={`${menuId}-${group.id}`}>
                  {group.links.map(link)}
                </ul>
              </div>
            ))}
          </div>
        )}
      </div>
      {failure && (
        <p className="field__error" role="alert">
          {failure}
        </p>
      )}
    </nav>
  );
}
