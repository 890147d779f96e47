import { lazy } from 'react';
import { ApiError } from './api/client';
import { failureWords } from './api/failure-words';
import { LandingPage } from './home/LandingPage';
import { useAccount, useAccountStore } from './people/account-store';
import { ErrorAlert } from './ui/ErrorAlert';
import { PageLoading } from './ui/PageLoading';

// The dashboard is fetched only for someone signed in: a visitor's first load stays small.
const DashboardPage = lazy(() =>
  import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);

/** `/`: what Assent is for visitors; the dashboard for someone signed in. */
export function HomeRoute() {
  const status = useAccount();
  const load = useAccountStore((s) => s.load);
  if (status.kind === 'unknown' || status.kind === 'loading') return <PageLoading />;
  if (status.kind === 'failed') {
    const offline = status.error instanceof ApiError && status.error.code === 'unreachable';
    return (
      <ErrorAlert
        title={offline ? failureWords.unreachable.title : 'Something went wrong'}
        focusOnMount
        actions={
          <button type="button" className="button button--secondary" onClick={() => void load()}>
            Retry
          </button>
        }
      >
        <p>{offline ? failureWords.unreachable.detail : 'Please try again in a moment.'}</p>
      </ErrorAlert>
    );
  }
  const { me } = status;
  if (!me.user) return <LandingPage setupPending={me.setupPending} />;
  return <DashboardPage user={me.user} agreement={me.agreement} />;
}
