import { AccountPage } from './AccountPage';
import { RequireAccount } from './RequireAccount';

/** `/account`, for anyone signed in. */
export function AccountRoute({ path }: { path: string }) {
  return <RequireAccount returnTo={path}>{(user) => <AccountPage user={user} />}</RequireAccount>;
}
