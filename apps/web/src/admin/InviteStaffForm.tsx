import {
  accountRoleLabels,
  type InvitationCreated,
  InviteStaffRequest,
  StaffRole,
  type StaffRole as StaffRoleValue,
} from '@assent/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { type FieldErrors, fieldErrorsFrom } from '../ui/field-errors';
import { TextField } from '../ui/TextField';
import { inviteStaff } from './admin-api';
import { FieldError } from './FieldError';
import { errorProps, issuesOf } from './field-errors';
import { InvitationSent } from './InvitationSent';

type Submit =
  | { kind: 'editing'; fields: FieldErrors }
  | { kind: 'sending' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'sent'; invitation: InvitationCreated };

/** Invite an administrator, reviewer or tutor by email; without mail the link is shown to pass on. */
export function InviteStaffForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRoleValue>('tutor');
  const [submit, setSubmit] = useState<Submit>({ kind: 'editing', fields: {} });
  const fields = submit.kind === 'editing' ? submit.fields : {};

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = InviteStaffRequest.safeParse({ email, role });
    if (!parsed.success) {
      return setSubmit({ kind: 'editing', fields: fieldErrorsFrom(issuesOf(parsed.error)) });
    }
    setSubmit({ kind: 'sending' });
    try {
      const invitation = await inviteStaff(parsed.data);
      setSubmit({ kind: 'sent', invitation });
      setEmail('');
      onInvited();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'email_taken') {
        setSubmit({ kind: 'editing', fields: { email: 'Someone already has an account with that email' } });
      } else if (error instanceof ApiError && error.code === 'validation_failed' && error.issues.length > 0) {
        setSubmit({ kind: 'editing', fields: fieldErrorsFrom(error.issues) });
      } else {
        setSubmit({ kind: 'failed', error });
      }
    }
  };

  const sent = submit.kind === 'sent' ? submit.invitation : null;
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="invite-staff-heading">
      <h2 id="invite-staff-heading">Invite staff</h2>
      <p className="muted">
        Families are enrolled from the start page; a child’s own sign-in comes from their guardian, an adult
        student’s from whoever enrolled them or an administrator.
      </p>
      <div className="admin-invite">
        <div className="admin-invite__email">
          <TextField
            id="invite-email"
            label="Email"
            type="email"
            value={email}
            error={fields.email}
            onChange={setEmail}
          />
        </div>
        <div className="field admin-invite__role">
          <label htmlFor="invite-role">Role</label>
          <select
            id="invite-role"
            value={role}
            {...errorProps('invite-role', fields.role)}
            onChange={(e) => setRole(e.target.value as StaffRoleValue)}
          >
            {StaffRole.options.map((value) => (
              <option key={value} value={value}>
                {accountRoleLabels[value]}
              </option>
            ))}
          </select>
          <FieldError id="invite-role" error={fields.role} />
        </div>
      </div>
      {submit.kind === 'failed' && <AdminFailureAlert error={submit.error} returnTo="/admin/people" />}
      <div className="actions actions--tight">
        <button
          type="submit"
          className="button button--primary"
          disabled={submit.kind === 'sending'}
          aria-busy={submit.kind === 'sending'}
        >
          Send invitation
        </button>
      </div>
      {/* Mounted from the start, so screen readers announce the outcome when it appears. */}
      <div role="status">{sent && <InvitationSent invitation={sent} />}</div>
    </form>
  );
}
