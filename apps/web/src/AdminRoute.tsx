import { lazy } from 'react';
import { RequireAccount } from './people/RequireAccount';

const pages = {
  people: lazy(() => import('./admin/PeoplePage').then((m) => ({ default: m.PeoplePage }))),
  policy: lazy(() => import('./admin/PolicyPage').then((m) => ({ default: m.PolicyPage }))),
  audit: lazy(() => import('./admin/AuditPage').then((m) => ({ default: m.AuditPage }))),
  deletions: lazy(() =>
    import('./recordings/DeletionRecordsPage').then((m) => ({ default: m.DeletionRecordsPage })),
  ),
};

export type AdminPageName = keyof typeof pages;

/** `/admin/*`: shown to administrators; anyone else is told, and nothing of the page is fetched. */
export function AdminRoute({ page, path }: { page: AdminPageName; path: string }) {
  const Page = pages[page];
  return (
    <RequireAccount returnTo={path} roles={['admin']}>
      {() => <Page />}
    </RequireAccount>
  );
}
