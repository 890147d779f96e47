import { accountRoleLabels, type PeopleList } from '@assent/shared';
import { tutorTrendPath } from '../insights/paths';
import { AppLink } from '../ui/AppLink';
import { DataTable } from '../ui/DataTable';
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
  return (
    <DataTable
      className="admin-table card-table"
      caption="Everyone with an account"
      rows={people}
      rowKey={(person) => person.id}
      empty="Nobody has an account yet."
      columns={[
        { header: 'Name', cell: (person) => person.name },
        { header: 'Email', className: 'admin-table__email', cell: (person) => person.email },
        {
          header: 'Role',
          cell: (person) => (
            <>
              {accountRoleLabels[person.role]}
              {person.role === 'tutor' && (
                <>
                  {' · '}
                  <AppLink href={tutorTrendPath(person.id)}>Talk time of {person.name}</AppLink>
                </>
              )}
            </>
          ),
        },
        { header: 'Joined', cell: (person) => formatDate(person.createdAt) },
        {
          header: 'Access',
          cell: (person) => (
            <>
              {person.disabledAt ? (
                <span className="badge badge--denied">Disabled {formatDate(person.disabledAt)}</span>
              ) : (
                <span className="badge badge--muted">Can sign in</span>
              )}
              <AccountActions person={person} onChanged={onChanged} />
            </>
          ),
        },
      ]}
    />
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
        <DataTable
          className="admin-table card-table"
          caption="Invitations not yet accepted"
          rows={invitations}
          rowKey={(invitation) => invitation.id}
          rowHeaders={false}
          columns={[
            {
              header: 'Email',
              className: 'admin-table__email',
              cell: (invitation) => invitation.email ?? 'Chosen when accepted',
            },
            {
              header: 'Role',
              cell: (invitation) => (
                <>
                  {accountRoleLabels[invitation.role]}
                  {invitation.kind !== 'staff' && (
                    <span className="badge badge--muted">{invitationKinds[invitation.kind]}</span>
                  )}
                </>
              ),
            },
            { header: 'Expires', cell: (invitation) => formatDate(invitation.expiresAt) },
            {
              header: <span className="visually-hidden">Withdraw</span>,
              label: 'Withdraw',
              cell: (invitation) => (
                <WithdrawInvitation
                  invitationId={invitation.id}
                  email={invitation.email ?? 'an address chosen when accepted'}
                  onWithdrawn={onChanged}
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
