import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { AdminAccessRequests } from './access/AdminAccessRequests';
import { AdminDeletionRequests } from './deletion/AdminDeletionRequests';
import '../styles/signed-in.css';
import '../styles/admin.css';

/** `/admin/requests`: participants' access and deletion requests, open ones first with how long they have waited. */
export function AdminRequestsPage() {
  usePageTitle('Requests');
  return (
    <div className="stack admin--wide">
      <PageHeading>Requests</PageHeading>
      <AdminAccessRequests />
      <AdminDeletionRequests />
    </div>
  );
}
