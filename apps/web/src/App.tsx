import { lazy, type ReactNode, Suspense } from 'react';
import { HomeRoute } from './HomeRoute';
import { JoinPage } from './join/JoinPage';
import { SignedInNav } from './people/SignedInNav';
import { matchRoute, navigate, usePathname } from './router';
import { PageFrame } from './ui/PageFrame';
import { PageLoading } from './ui/PageLoading';

// The home page (for visitors) and join pages load with the app; every other page is fetched when opened.
const SignInPage = lazy(() => import('./people/SignInPage').then((m) => ({ default: m.SignInPage })));
const ForgotPasswordPage = lazy(() =>
  import('./people/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./people/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const WelcomePage = lazy(() => import('./people/WelcomePage').then((m) => ({ default: m.WelcomePage })));
const AccountRoute = lazy(() => import('./AccountRoute').then((m) => ({ default: m.AccountRoute })));
const AdminRoute = lazy(() => import('./AdminRoute').then((m) => ({ default: m.AdminRoute })));
const RightsRoute = lazy(() => import('./RightsRoute').then((m) => ({ default: m.RightsRoute })));
const PolicyPage = lazy(() => import('./policy/PolicyPage').then((m) => ({ default: m.PolicyPage })));
const InsightsRoute = lazy(() => import('./InsightsRoute').then((m) => ({ default: m.InsightsRoute })));
const RecordingsRoute = lazy(() => import('./RecordingsRoute').then((m) => ({ default: m.RecordingsRoute })));

function AccountFrame({ children }: { children: ReactNode }) {
  return (
    <PageFrame nav={<SignedInNav />}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageFrame>
  );
}

function page(route: ReturnType<typeof matchRoute>, pathname: string): ReactNode {
  switch (route.page) {
    case 'home':
      return <HomeRoute />;
    case 'sign-in':
      return <SignInPage />;
    case 'forgot-password':
      return <ForgotPasswordPage />;
    case 'reset-password':
      return <ResetPasswordPage key={route.resetToken} token={route.resetToken} />;
    case 'welcome':
      return <WelcomePage key={route.linkToken} linkToken={route.linkToken} />;
    case 'account':
      return <AccountRoute path={pathname} />;
    case 'admin-people':
      return <AdminRoute page="people" path={pathname} />;
    case 'admin-policy':
      return <AdminRoute page="policy" path={pathname} />;
    case 'admin-audit':
      return <AdminRoute page="audit" path={pathname} />;
    case 'admin-deletions':
      return <AdminRoute page="deletions" path={pathname} />;
    case 'recordings':
      return <RecordingsRoute path={pathname} />;
    case 'recording':
      return <RecordingsRoute key={route.recordingId} path={pathname} recordingId={route.recordingId} />;
    case 'my-requests':
    case 'access-answer':
    case 'report-concern':
    case 'session-chat':
    case 'session-board':
    case 'safeguarding':
    case 'safeguarding-report':
    case 'admin-requests':
    case 'admin-guardian-presence':
    case 'admin-research':
      return <RightsRoute key={pathname} route={route} path={pathname} />;
    case 'session-insights':
    case 'tutor-insights':
      return <InsightsRoute key={pathname} route={route} path={pathname} />;
    case 'policy':
      return <PolicyPage />;
    case 'join':
    case 'not-found':
      return <NotFound />;
  }
}

export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  if (route.page === 'join') {
    // Keyed by token: opening another invite starts from a clean page.
    return <JoinPage key={route.inviteToken} inviteToken={route.inviteToken} />;
  }
  return <AccountFrame>{page(route, pathname)}</AccountFrame>;
}

function NotFound() {
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p className="muted">To join a session, open the invite link you were sent.</p>
      <div className="actions">
        <a
          className="button button--secondary"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Go to the start page
        </a>
      </div>
    </section>
  );
}
