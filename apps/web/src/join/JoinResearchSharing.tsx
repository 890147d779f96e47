import { lazy, Suspense, useState } from 'react';

// Fetched only when opened: the join page's first load stays as small as it was.
const InviteResearchChoices = lazy(() => import('../rights/research/InviteResearchChoices'));

/**
 * Research sharing from the join page, for people without an account: the invite's own seat and, for a
 * guardian, each child they speak for. Collapsed and optional; nothing is loaded until it is opened.
 */
export function JoinResearchSharing({ inviteToken }: { inviteToken: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="join-research" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Research sharing (optional)</summary>
      {opened && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <InviteResearchChoices inviteToken={inviteToken} />
        </Suspense>
      )}
    </details>
  );
}
