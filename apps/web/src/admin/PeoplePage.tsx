import '../styles/admin.css';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { fetchPeople } from './admin-api';
import { FamiliesCard } from './FamiliesCard';
import { InviteStaffForm } from './InviteStaffForm';
import { PendingInvitations, PeopleTable } from './PeopleTable';

/** `/admin/people`: everyone with an account, the invitations not yet used, inviting staff, and the families. */
export function PeoplePage() {
  usePageTitle('People');
  const { state: people, reload } = useRemote(fetchPeople);

  return (
    // Wide: names, addresses and the account actions need a laptop's width side by side.
    <div className="stack admin admin--wide">
      <section className="card" aria-labelledby="people-heading">
        <PageHeading id="people-heading">People</PageHeading>
        {people.kind === 'loading' && (
          <p className="muted" role="status">
            Loading people…
          </p>
        )}
        {people.kind === 'failed' && (
          <AdminFailureAlert error={people.error} returnTo="/admin/people" onRetry={reload} />
        )}
        {people.kind === 'ready' && (
          <>
            <PeopleTable people={people.data.people} onChanged={reload} />
            <PendingInvitations invitations={people.data.pendingInvitations} onChanged={reload} />
          </>
        )}
      </section>
      {/* Refreshing the list after an invitation keeps it ready, so the form and its outcome stay. */}
      {people.kind === 'ready' && <InviteStaffForm onInvited={reload} />}
      <FamiliesCard />
    </div>
  );
}
