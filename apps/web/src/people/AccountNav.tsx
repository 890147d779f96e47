import type { MeUser } from '@assent/shared';
import { useState } from 'react';
import { signOut } from '../api/auth';
import { describeFailure } from '../api/failure-words';
import { navigate, usePathname } from '../router';
import { AppLink } from '../ui/AppLink';
import { useAccountStore } from './account-store';
import { roleLabel } from './role-labels';
import '../styles/signed-in.css';

const adminLinks = [
  { href: '/admin/people', label: 'People' },
  { href: '/admin/policy', label: 'Recording policy' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/deletions', label: 'Deletion records' },
  { href: '/admin/requests', label: 'Requests' },
  { href: '/admin/guardian-presence', label: 'Guardian presence' },
  { href: '/admin/research', label: 'Research' },
] as const;

/** The signed-in person's name and role, their pages, and Sign out. */
export function AccountNav({ user }: { user: MeUser }) {
  const pathname = usePathname();
  const signedOut = useAccountStore((s) => s.signedOut);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

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

  const link = (href: string, label: string) => (
    <li key={href}>
      <AppLink href={href} aria-current={pathname === href ? 'page' : undefined}>
        {label}
      </AppLink>
    </li>
  );

  return (
    <nav className="account-nav" aria-label="Your account">
      <p className="account-nav__who">
        <span className="account-nav__name">{user.name}</span>{' '}
        <span className="badge">{roleLabel[user.role]}</span>
      </p>
      <ul className="account-nav__links">
        {link('/', 'Home')}
        {link('/recordings', 'Recordings')}
        {link('/requests', 'Your requests')}
        {link('/policy', 'Policy')}
        {(user.role === 'admin' || user.role === 'reviewer') && link('/safeguarding', 'Safeguarding')}
        {user.role === 'admin' && adminLinks.map((l) => link(l.href, l.label))}
        {link('/account', 'Account')}
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
      {failure && (
        <p className="field__error" role="alert">
          {failure}
        </p>
      )}
    </nav>
  );
}
