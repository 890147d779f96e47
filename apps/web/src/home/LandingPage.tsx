import { useEffect, useState } from 'react';
import { useAccountStore } from '../people/account-store';
import { AppLink } from '../ui/AppLink';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';

/** `/` for someone not signed in: what Assent promises, and the way in. */
export function LandingPage({ setupPending }: { setupPending: boolean }) {
  usePageTitle('Online tutoring, recorded only with consent');
  // The "signed out" notice is said once, on the page it leads to: kept here, cleared from the store.
  const [notice] = useState(() => useAccountStore.getState().notice);
  const clearNotice = useAccountStore((s) => s.clearNotice);
  useEffect(() => clearNotice(), [clearNotice]);

  return (
    <section className="card landing" aria-labelledby="landing-heading">
      {notice && (
        <p className="notice-line" role="status">
          {notice}
        </p>
      )}
      <PageHeading id="landing-heading">Online tutoring, recorded only when everyone agrees</PageHeading>
      <ul className="landing__points">
        <li>
          <strong>Nothing is recorded unless every person in the call says yes.</strong> Before a recording
          starts, everyone sees why it is wanted, who can watch it and how long it is kept.
        </li>
        <li>
          <strong>Anyone can stop a recording at any moment.</strong> Taking back a yes stops it at once, for
          everyone, in one click.
        </li>
        <li>
          <strong>Children take part with a parent or guardian.</strong> A guardian registers, agrees to the
          organisation's policy and consents for their child, in advance or in the call.
        </li>
      </ul>
      {setupPending && (
        <p className="notice-line">
          Assent is being set up. The link to create the first administrator account is in the server's log.
        </p>
      )}
      <div className="actions">
        <AppLink className="button button--primary" href="/sign-in">
          Sign in
        </AppLink>
      </div>
      <p className="muted landing__more">
        Invited by email? Open the link in the email to create your account. Joining a session with a link?
        Just open the link: no account needed.
      </p>
    </section>
  );
}
