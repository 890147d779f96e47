import type { AccountRole, MeUser } from '@assent/shared';
import type { ReactNode } from 'react';
import { describeFailure } from '../api/failure-words';
import { signInPath } from '../router';
import { AppLink } from '../ui/AppLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { useAccount, useAccountStore } from './account-store';
import '../styles/signed-in.css';

interface RequireAccountProps {
  /** The page to come back to after signing in. */
  returnTo: string;
  /** Roles that may open the page; any signed-in person when absent. */
  roles?: readonly AccountRole[];
  children: (user: MeUser) => ReactNode;
}

/** Shows a page to the signed-in people it is for; everyone else is told why and where to go. */
export function RequireAccount({ returnTo, roles, children }: RequireAccountProps) {
  const status = useAccount();
  const load = useAccountStore((s) => s.load);
  if (status.kind === 'unknown' || status.kind === 'loading') return <PageLoading />;
  if (status.kind === 'failed') {
    const failure = describeFailure(status.error);
    return (
      <ErrorAlert
        title={failure.title}
        focusOnMount
        actions={
          <button type="button" className="button button--secondary" onClick={() => void load()}>
            Retry
          </button>
        }
      >
        <p>{failure.detail}</p>
      </ErrorAlert>
    );
  }
  const user = status.me.user;
  if (!user) {
    return (
      <section className="card" aria-labelledby="sign-in-needed">
        <PageHeading id="sign-in-needed">Please sign in</PageHeading>
        <p>You need to be signed in to see this page.</p>
        <div className="actions">
          <AppLink className="button button--primary" href={signInPath(returnTo)}>
            Sign in
          </AppLink>
        </div>
      </section>
    );
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <section className="card" aria-labelledby="not-for-you">
        <PageHeading id="not-for-you">This page is not for your account</PageHeading>
        <p>If you need it, ask an administrator of your organisation.</p>
        <div className="actions">
          <AppLink className="button button--secondary" href="/">
            Go to your sessions
          </AppLink>
        </div>
      </section>
    );
  }
  return children(user);
}
