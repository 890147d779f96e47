import { AccountPage } from './people/AccountPage';
import { RequireAccount } from './people/RequireAccount';

/** `/account`, for anyone signed in. */
export function AccountRoute({ path }: { path: string }) {
  return <RequireAccount returnTo={path}>{(user) => <AccountPage user={user} />}</RequireAccount>;
}
