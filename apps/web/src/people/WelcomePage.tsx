import type { InvitationPreview } from '@assent/shared';
import { describeFailure } from '../api/failure-words';
import { fetchInvitation } from '../api/people';
import { AppLink } from '../ui/AppLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { signedInUser, useAccount } from './account-store';
import { WelcomeForm } from './WelcomeForm';
import { formatExpiry, welcomeHeading, welcomeIntro } from './welcome-form';
import '../styles/signed-in.css';

/** `/welcome/<token>`: an invitation link. Shows what it offers, then creates the account. */
export function WelcomePage({ linkToken }: { linkToken: string }) {
  const invitation = useRemote(() => fetchInvitation(linkToken));
  const signedIn = signedInUser(useAccount()) !== null;
  usePageTitle(invitation.state.kind === 'ready' ? welcomeHeading(invitation.state.data) : 'Your invitation');

  if (invitation.state.kind === 'loading') return <PageLoading />;
  if (invitation.state.kind === 'failed') {
    const failure = describeFailure(invitation.state.error, 'link');
    return (
      <ErrorAlert
        title={failure.title}
        focusOnMount
        actions={
          failure.retryable ? (
            <button type="button" className="button button--secondary" onClick={invitation.reload}>
              Retry
            </button>
          ) : (
            <AppLink className="button button--secondary" href={signedIn ? '/' : '/sign-in'}>
              {signedIn ? 'Go to your sessions' : 'Go to sign in'}
            </AppLink>
          )
        }
      >
        <p>{failure.detail}</p>
      </ErrorAlert>
    );
  }
  const preview = invitation.state.data;
  return (
    <section className="card narrow" aria-labelledby="welcome-heading">
      <PageHeading id="welcome-heading">{welcomeHeading(preview)}</PageHeading>
      <p>{welcomeIntro(preview)}</p>
      {preview.kind === 'family' && !preview.additionalGuardian && preview.children.length > 0 && (
        <NamedChildren preview={preview} />
      )}
      <p className="muted">This link works until {formatExpiry(preview.expiresAt)}.</p>
      <WelcomeForm linkToken={linkToken} preview={preview} />
    </section>
  );
}

function NamedChildren({ preview }: { preview: InvitationPreview }) {
  return (
    <div className="named-children">
      <p>
        {preview.invitedBy ?? 'Your tutor'} named{' '}
        {preview.children.length === 1 ? 'this child' : 'these children'}; you can add others once your
        account is ready:
      </p>
      <ul>
        {preview.children.map((child) => (
          <li key={child.id}>
            {child.name}
            {child.minor && <span className="badge badge--muted">Under 18</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
