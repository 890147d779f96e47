import {
  accountRoleLabels,
  type PeopleList,
  StaffRole,
  type StaffRole as StaffRoleValue,
} from '@assent/shared';
import { useId, useState } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { countInWords } from '../ui/format';
import { useFormSubmit } from '../ui/useFormSubmit';
import { type AccountAction, changeAccount } from './admin-api';
import { ReasonField } from './ReasonField';

type Person = PeopleList['people'][number];
type Kind = AccountAction['kind'];

const staff: readonly string[] = StaffRole.options;

const kindLabels: Record<Kind, string> = {
  disable: 'Disable the account',
  enable: 'Enable the account',
  'sign-out': 'Sign out everywhere',
  role: 'Change role',
};

const kindHints: Record<Kind, string> = {
  disable:
    'They are signed out everywhere at once, taken out of any call they are in, and cannot sign in or use their join links until enabled.',
  enable: 'They can sign in again.',
  'sign-out': 'Every sign-in of theirs ends, on every device; they can sign in again.',
  role: 'What they may see and do changes at once, recordings included.',
};

/**
 * An administrator ends or restores someone's access: disable or enable, sign out everywhere, change a
 * staff role. Each needs a reason, which the audit log keeps with who gave it.
 */
export function AccountActions({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const id = useId();
  const kinds: Kind[] = [
    person.disabledAt ? 'enable' : 'disable',
    'sign-out',
    ...(staff.includes(person.role) ? (['role'] as const) : []),
  ];
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'sign-out');
  const otherRoles = StaffRole.options.filter((role) => role !== person.role);
  const [role, setRole] = useState<StaffRoleValue>(otherRoles[0] ?? 'tutor');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action: AccountAction = kind === 'role' ? { kind, role, reason } : { kind, reason };
  const { submit, fields, onSubmit } = useFormSubmit(
    () => changeAccount(person.id, action),
    (result) => {
      const ended = `${countInWords(result.sessionsEnded, 'sign-in', 'sign-ins')} ended`;
      const calls =
        result.removedFromCalls > 0 ? `, taken out of ${result.removedFromCalls} live call(s)` : '';
      setDone(`${kindLabels[kind]}: done (${ended}${calls}).`);
      setReason('');
      // Disabled becomes enabled and back: offer the opposite next.
      if (kind === 'disable') setKind('enable');
      if (kind === 'enable') setKind('disable');
      onChanged();
    },
  );

  return (
    <details className="account-actions">
      <summary>
        Manage<span className="visually-hidden"> {person.name}</span>
      </summary>
      <form onSubmit={onSubmit} noValidate className="stack account-actions__form">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Action</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {kindLabels[value]}
              </option>
            ))}
          </select>
          <p className="field__hint">{kindHints[kind]}</p>
        </div>
        {kind === 'role' && (
          <div className="field">
            <label htmlFor={`${id}-role`}>New role</label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(e) => setRole(e.target.value as StaffRoleValue)}
            >
              {otherRoles.map((value) => (
                <option key={value} value={value}>
                  {accountRoleLabels[value]}
                </option>
              ))}
            </select>
          </div>
        )}
        <ReasonField
          id={`${id}-reason`}
          label="Reason"
          value={reason}
          error={fields.reason}
          onChange={setReason}
        />
        {submit.kind === 'refused' && (
          <ErrorAlert key={submit.attempt} title={submit.failure.title}>
            <p>{submit.failure.detail}</p>
          </ErrorAlert>
        )}
        <div className="actions actions--tight">
          <button
            type="submit"
            className="button button--primary"
            disabled={submit.kind === 'sending'}
            aria-busy={submit.kind === 'sending'}
          >
            Confirm
          </button>
        </div>
        <div role="status">{done}</div>
      </form>
    </details>
  );
}
