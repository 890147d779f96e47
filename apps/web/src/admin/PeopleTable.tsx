import { accountRoleLabels, type PeopleList } from '@assent/shared';
import { formatDate } from './format-time';

type Person = PeopleList['people'][number];
type PendingInvitation = PeopleList['pendingInvitations'][number];

const invitationKinds: Readonly<Record<PendingInvitation['kind'], string>> = {
  first_run: 'First administrator',
  staff: 'Staff',
  family: 'Family enrolment',
  student: 'Student sign-in',
};

/** Everyone with an account; at phone width each row becomes a small card (see `.card-table`). */
export function PeopleTable({ people }: { people: readonly Person[] }) {
  if (people.length === 0) return <p className="muted">Nobody has an account yet.</p>;
  return (
    <table className="admin-table card-table">
      <caption className="visually-hidden">Everyone with an account</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Joined</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.id}>
            <th scope="row" data-label="Name">
              {person.name}
            </th>
            <td data-label="Email" className="admin-table__email">
              {person.email}
            </td>
            <td data-label="Role">{accountRoleLabels[person.role]}</td>
            <td data-label="Joined">{formatDate(person.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Invitations sent and not yet used or expired. */
export function PendingInvitations({ invitations }: { invitations: readonly PendingInvitation[] }) {
  return (
    <>
      <h2 className="admin__subheading">Invitations not yet accepted</h2>
      {invitations.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="admin-table card-table">
          <caption className="visually-hidden">Invitations not yet accepted</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td data-label="Email" className="admin-table__email">
                  {invitation.email ?? 'Chosen when accepted'}
                </td>
                <td data-label="Role">
                  {accountRoleLabels[invitation.role]}
                  {invitation.kind !== 'staff' && (
                    <span className="badge badge--muted">{invitationKinds[invitation.kind]}</span>
                  )}
                </td>
                <td data-label="Expires">{formatDate(invitation.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
