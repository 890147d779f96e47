import { lazy, Suspense } from 'react';
import { signedInUser, useAccount } from './account-store';

const loadAccountNav = () => import('./AccountNav');
const AccountNav = lazy(() => loadAccountNav().then((m) => ({ default: m.AccountNav })));

/** Fetches the bar ahead of signing in, so it is there with the page that follows. */
export function preloadAccountNav(): void {
  void loadAccountNav();
}

/** The header's bar for someone signed in, fetched only when someone is: visitors never load it. */
export function SignedInNav() {
  const user = signedInUser(useAccount());
  if (!user) return null;
  return (
    <Suspense fallback={null}>
      <AccountNav user={user} />
    </Suspense>
  );
}
