import type { MeUser } from '@assent/shared';
import { useState } from 'react';
import { signOutEverywhere } from '../api/auth';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { navigate } from '../router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { AddPasskey } from './AddPasskey';
import { useAccountStore } from './account-store';
import { ChangePassword } from './ChangePassword';
import { roleLabel } from './role-labels';
import '../styles/signed-in.css';

/** `/account`: who you are signed in as, passkeys, and signing out of every device. */
export function AccountPage({ user }: { user: MeUser }) {
  usePageTitle('Your account');
  const signedOut = useAccountStore((s) => s.signedOut);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);

  const onSignOutEverywhere = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await signOutEverywhere();
      signedOut('You are signed out on every device.');
      navigate('/');
    } catch (error) {
      setFailure(describeFailure(error));
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="account-heading">
        <PageHeading id="account-heading">Your account</PageHeading>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{roleLabel[user.role]}</dd>
          </div>
        </dl>
      </section>
      <AddPasskey />
      <ChangePassword />
      <section className="card" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">Signed in somewhere else?</h2>
        <p>
          If you signed in on a shared or lost device, sign out everywhere. Every device, this one included,
          will need your password or passkey again.
        </p>
        {failure && (
          <ErrorAlert title={failure.title} focusOnMount>
            <p>{failure.detail}</p>
          </ErrorAlert>
        )}
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            aria-busy={busy}
            onClick={onSignOutEverywhere}
          >
            Sign out everywhere
          </button>
        </div>
      </section>
    </div>
  );
}
