import type { AccountRole } from '@assent/shared';
import { lazy, type ReactNode } from 'react';
import { RequireAccount } from './people/RequireAccount';
import type { Route } from './router';

const MyRequestsPage = lazy(() =>
  import('./rights/MyRequestsPage').then((m) => ({ default: m.MyRequestsPage })),
);
const AdminRequestsPage = lazy(() =>
  import('./rights/AdminRequestsPage').then((m) => ({ default: m.AdminRequestsPage })),
);
const AccessAnswerPage = lazy(() =>
  import('./rights/access/AccessAnswerPage').then((m) => ({ default: m.AccessAnswerPage })),
);
const ReportConcernPage = lazy(() =>
  import('./rights/concerns/ReportConcernPage').then((m) => ({ default: m.ReportConcernPage })),
);
const SessionChatPage = lazy(() =>
  import('./chat/SessionChatPage').then((m) => ({ default: m.SessionChatPage })),
);
const SessionBoardPage = lazy(() =>
  import('./board/SessionBoardPage').then((m) => ({ default: m.SessionBoardPage })),
);
const SafeguardingPage = lazy(() =>
  import('./rights/concerns/SafeguardingPage').then((m) => ({ default: m.SafeguardingPage })),
);
const ReportPage = lazy(() =>
  import('./rights/concerns/ReportPage').then((m) => ({ default: m.ReportPage })),
);
const GuardianPresencePage = lazy(() =>
  import('./rights/presence/GuardianPresencePage').then((m) => ({ default: m.GuardianPresencePage })),
);
const ResearchExportPage = lazy(() =>
  import('./rights/research/ResearchExportPage').then((m) => ({ default: m.ResearchExportPage })),
);

export type RightsRouteName = Extract<
  Route,
  {
    page:
      | 'my-requests'
      | 'access-answer'
      | 'report-concern'
      | 'session-chat'
      | 'session-board'
      | 'safeguarding'
      | 'safeguarding-report'
      | 'admin-requests'
      | 'admin-guardian-presence'
      | 'admin-research';
  }
>;

const safeguardingStaff: readonly AccountRole[] = ['admin', 'reviewer'];
const admins: readonly AccountRole[] = ['admin'];

function pageFor(route: RightsRouteName): { roles?: readonly AccountRole[]; render: () => ReactNode } {
  switch (route.page) {
    case 'my-requests':
      return { render: () => <MyRequestsPage /> };
    case 'access-answer':
      return { render: () => <AccessAnswerPage requestId={route.requestId} /> };
    case 'report-concern':
      return { render: () => <ReportConcernPage sessionId={route.sessionId} /> };
    case 'session-chat':
      // Who may read it is the policy's, decided by the server (a refusal is audited there).
      return { render: () => <SessionChatPage sessionId={route.sessionId} /> };
    case 'session-board':
      // Kept with the chat log: the same readers, decided and audited by the server.
      return { render: () => <SessionBoardPage sessionId={route.sessionId} /> };
    case 'safeguarding':
      return { roles: safeguardingStaff, render: () => <SafeguardingPage /> };
    case 'safeguarding-report':
      return { roles: safeguardingStaff, render: () => <ReportPage reportId={route.reportId} /> };
    case 'admin-requests':
      return { roles: admins, render: () => <AdminRequestsPage /> };
    case 'admin-guardian-presence':
      return { roles: admins, render: () => <GuardianPresencePage /> };
    case 'admin-research':
      return { roles: admins, render: () => <ResearchExportPage /> };
  }
}

/** Participants' rights and the organisation's safeguarding pages, each for the people it is for. */
export function RightsRoute({ route, path }: { route: RightsRouteName; path: string }) {
  const { roles, render } = pageFor(route);
  return (
    <RequireAccount returnTo={path} roles={roles}>
      {() => render()}
    </RequireAccount>
  );
}
