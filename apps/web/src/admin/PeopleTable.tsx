import { accountRoleLabels, type PeopleList } from '@assent/shared';
import { formatDate } from '../ui/format';
import { AccountActions } from './AccountActions';
import { WithdrawInvitation } from './WithdrawInvitation';

type Person = PeopleList['people'][number];
type PendingInvitation = PeopleList['pendingInvitations'][number];

const invitationKinds: Readonly<Record<PendingInvitation['kind'], string>> = {
  first_run: 'First administrator',
  staff: 'Staff',
  family: 'Family enrolment',
  student: 'Student sign-in',
};

/** Everyone with an account; at phone width each row becomes a small card (see `.card-table`). */
export function PeopleTable({
  people,
  onChanged = () => {},
}: {
  people: readonly Person[];
  /** After an account was disabled, enabled, signed out or given another role. */
  onChanged?: () => void;
}) {
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
          <th scope="col">Access</th>
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
            <td data-label="Access">
              {person.disabledAt ? (
                <span className="badge badge--denied">Disabled {formatDate(person.disabledAt)}</span>
              ) : (
                <span className="badge badge--muted">Can sign in</span>
              )}
              <AccountActions person={person} onChanged={onChanged} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Invitations sent and not yet used or expired. */
export function PendingInvitations({
  invitations,
  onChanged = () => {},
}: {
  invitations: readonly PendingInvitation[];
  onChanged?: () => void;
}) {
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
              <th scope="col">
                <span className="visually-hidden">Withdraw</span>
              </th>
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
                <td data-label="Withdraw">
                  <WithdrawInvitation
                    invitationId={invitation.id}
                    email={invitation.email ?? 'an address chosen when accepted'}
                    onWithdrawn={onChanged}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
