import { HomePage } from './home/HomePage';
import { JoinPage } from './join/JoinPage';
import { matchRoute, navigate, usePathname } from './router';
import { PageFrame } from './ui/PageFrame';

export function App() {
  const route = matchRoute(usePathname());
  switch (route.page) {
    case 'home':
      return (
        <PageFrame>
          <HomePage />
        </PageFrame>
      );
    case 'join':
      // Keyed by token: opening another invite starts from a clean page.
      return <JoinPage key={route.inviteToken} inviteToken={route.inviteToken} />;
    case 'not-found':
      return (
        <PageFrame>
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
        </PageFrame>
      );
  }
}
