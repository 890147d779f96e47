import { lazy } from 'react';
import { RequireAccount } from './people/RequireAccount';
import type { Route } from './router';

const SessionInsightsPage = lazy(() =>
  import('./insights/SessionInsightsPage').then((m) => ({ default: m.SessionInsightsPage })),
);
const TutorTrendPage = lazy(() =>
  import('./insights/TutorTrendPage').then((m) => ({ default: m.TutorTrendPage })),
);

export type InsightsRouteName = Extract<Route, { page: 'session-insights' | 'tutor-insights' }>;

/**
 * A session's talk time and a tutor's trend, for anyone signed in: the server decides by the policy who
 * may see each (the tutor, reviewers, admins; a learner their own share where allowed) and audits it.
 */
export function InsightsRoute({ route, path }: { route: InsightsRouteName; path: string }) {
  return (
    <RequireAccount returnTo={path}>
      {(user) =>
        route.page === 'session-insights' ? (
          <SessionInsightsPage
            sessionId={route.sessionId}
            tutorViewerId={user.role === 'tutor' ? user.id : null}
          />
        ) : (
          <TutorTrendPage userId={route.userId} />
        )
      }
    </RequireAccount>
  );
}
