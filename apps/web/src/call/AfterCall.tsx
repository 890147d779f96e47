import { useState } from 'react';
import { requestSessionDeletion } from '../api/consent';
import { JoinReportStatus } from '../join/JoinReportStatus';
import { JoinResearchSharing } from '../join/JoinResearchSharing';
import { signedInUser, useAccount } from '../people/account-store';
import { AppLink } from '../ui/AppLink';
import type { CallEnding } from './call-ended';

const headings: Record<CallEnding, string> = {
  left: 'You left the session',
  ended: 'The tutor ended the session',
  removed: 'The tutor removed you from the call',
};

const explanations: Record<CallEnding, (title: string) => string> = {
  left: (title) => `“${title}” may still be going on. You can go back in.`,
  ended: (title) => `“${title}” has ended for everyone. Any recording stopped before the call closed.`,
  removed: () => 'You can join again once the tutor lets you back in.',
};

/**
 * After the call: what happened and where to go. Someone signed in goes back to their sessions; a guest
 * with only their link sees what it still lets them do (research choice, deletion request, reports).
 */
export function AfterCall({
  ending,
  title,
  inviteToken,
  onRejoin,
}: {
  ending: CallEnding;
  title: string;
  inviteToken: string;
  onRejoin: () => void;
}) {
  const user = signedInUser(useAccount());
  return (
    <section className="card stack" aria-labelledby="after-call-heading">
      <h1 id="after-call-heading">{headings[ending]}</h1>
      <p className="muted">{explanations[ending](title)}</p>
      <div className="actions">
        {ending !== 'ended' && (
          <button type="button" className="button button--primary" onClick={onRejoin}>
            Rejoin
          </button>
        )}
        {user && (
          <AppLink className="button" href="/">
            Your sessions
          </AppLink>
        )}
      </div>
      {!user && <GuestAfterCall inviteToken={inviteToken} />}
    </section>
  );
}

/** What a guest's link still does once the call is over. */
function GuestAfterCall({ inviteToken }: { inviteToken: string }) {
  const [deletion, setDeletion] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const ask = () => {
    setDeletion('sending');
    requestSessionDeletion(inviteToken).then(
      () => setDeletion('sent'),
      () => setDeletion('failed'),
    );
  };
  return (
    <>
      <h2>With your link you can still</h2>
      <JoinResearchSharing inviteToken={inviteToken} />
      <p>
        Ask for this session's recordings to be deleted. An administrator decides and you are told the
        outcome.
      </p>
      {deletion === 'sent' && <p role="status">Your deletion request was received.</p>}
      {deletion === 'failed' && (
        <p role="alert">Your deletion request could not be sent. Please try again.</p>
      )}
      {deletion !== 'sent' && (
        <button type="button" className="button" disabled={deletion === 'sending'} onClick={ask}>
          Request deletion
        </button>
      )}
      <JoinReportStatus inviteToken={inviteToken} />
    </>
  );
}
