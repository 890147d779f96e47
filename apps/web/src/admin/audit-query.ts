/**
 * The audit page's filters → the `GET /api/admin/audit` query string, and its entries → words.
 * Filters are typed as people think of them (a name, a session id) and turned into what the API takes
 * (an account id, a target type and id, an action prefix).
 */
import {
  type AccountRole,
  type AuditEntry,
  type AuditOutcome,
  type AuditVerification,
  accountRoleLabels,
  auditActionInWords,
  type PolicyChange,
} from '@assent/shared';
import { countInWords } from '../ui/format';
import type { Remote } from '../ui/useRemote';
import { changeInWords } from './policy-changes';

export interface AuditFilters {
  /** A name, an email address or an account id. */
  person: string;
  /** A session id (`ses_…`) or a recording id. */
  target: string;
  /** What `target` names, when a link said so; otherwise read from the id (see `targetOf`). */
  targetType?: string;
  /** An action prefix from `actionGroups`, or '' for any. */
  action: string;
  outcome: '' | AuditOutcome;
}

export const noFilters: AuditFilters = { person: '', target: '', action: '', outcome: '' };

export const actionGroups: ReadonlyArray<{ prefix: string; label: string }> = [
  { prefix: '', label: 'Any action' },
  { prefix: 'auth.', label: 'Signing in and out' },
  { prefix: 'account.', label: 'Accounts' },
  { prefix: 'invitation.', label: 'Invitations' },
  { prefix: 'agreement.', label: 'Guardians’ agreements' },
  { prefix: 'student.', label: 'Students' },
  { prefix: 'preference.', label: 'Recording preferences' },
  { prefix: 'session.', label: 'Sessions' },
  { prefix: 'recording.', label: 'Recordings' },
  { prefix: 'policy.', label: 'Recording policy' },
  { prefix: 'audit.', label: 'Audit log' },
];

export interface KnownPerson {
  id: string;
  name: string;
  email: string;
}

export type PersonMatch = { ok: true; userId: string | undefined } | { ok: false; message: string };

/** Finds the account a "Person" filter means: by email, then by name; anything else is taken as an id. */
export function resolvePerson(text: string, people: readonly KnownPerson[]): PersonMatch {
  const wanted = text.trim();
  if (wanted === '') return { ok: true, userId: undefined };
  const lower = wanted.toLowerCase();
  const byId = people.find((p) => p.id === wanted);
  if (byId) return { ok: true, userId: byId.id };
  const byEmail = people.find((p) => p.email.toLowerCase() === lower);
  if (byEmail) return { ok: true, userId: byEmail.id };
  const byName = people.filter((p) => p.name.trim().toLowerCase() === lower);
  if (byName.length > 1) {
    return { ok: false, message: `More than one person is called ${wanted}: use their email address` };
  }
  return { ok: true, userId: byName[0]?.id ?? wanted };
}

/** Sessions have `ses_` ids; any other id is taken to be a recording's, unless `type` says. */
export function targetOf(text: string, type?: string): { targetType: string; targetId: string } | undefined {
  const id = text.trim();
  if (id === '') return undefined;
  return { targetType: type || (id.startsWith('ses_') ? 'session' : 'recording'), targetId: id };
}

export type AuditQueryResult = { ok: true; query: string } | { ok: false; fields: { person: string } };

/** The query string (without `?`) for one page: newest first, or older than `before`. */
export function auditQueryString(
  filters: AuditFilters,
  people: readonly KnownPerson[],
  before?: number | null,
  limit = 50,
): AuditQueryResult {
  const person = resolvePerson(filters.person, people);
  if (!person.ok) return { ok: false, fields: { person: person.message } };
  const params = new URLSearchParams();
  if (person.userId) params.set('actorUserId', person.userId);
  const target = targetOf(filters.target, filters.targetType);
  if (target) {
    params.set('targetType', target.targetType);
    params.set('targetId', target.targetId);
  }
  if (filters.action) params.set('actionPrefix', filters.action);
  if (filters.outcome) params.set('outcome', filters.outcome);
  params.set('limit', String(limit));
  if (before) params.set('before', String(before));
  return { ok: true, query: params.toString() };
}

/** The action in words where it is known; otherwise its dotted name, which is still exact. */
export const actionInWords = auditActionInWords;

export function roleInWords(role: string | null): string {
  if (role === null) return '—';
  return role in accountRoleLabels ? accountRoleLabels[role as AccountRole] : role;
}

const targetTypeWords: Readonly<Record<string, string>> = {
  session: 'Session',
  recording: 'Recording',
  user: 'Person',
  student: 'Student',
  invitation: 'Invitation',
  policy: 'Policy',
};

/** "Session ses_…", or a person's name when the target is an account the page knows. */
export function targetInWords(entry: AuditEntry, people: readonly KnownPerson[]): string {
  if (!entry.targetType) return '—';
  const type = targetTypeWords[entry.targetType] ?? entry.targetType;
  if (!entry.targetId) return type;
  if (entry.targetType === 'policy' && /^\d+$/.test(entry.targetId))
    return `Policy version ${entry.targetId}`;
  if (entry.targetType === 'policy' && entry.targetId === 'current') return 'The policy in force';
  const person = entry.targetType === 'user' ? people.find((p) => p.id === entry.targetId) : undefined;
  return person ? `${type}: ${person.name}` : `${type} ${entry.targetId}`;
}

/** Who acted: their current name, or why there is none. */
export function actorInWords(entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  return entry.actorUserId ? `Account ${entry.actorUserId} (no longer exists)` : 'System (no account)';
}

/** `detail` as short `key: value` lines; a policy edit's changes in words, other nested values as JSON. */
export function detailLines(detail: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(detail).flatMap(([key, value]) => {
    if (key === 'changes' && Array.isArray(value) && value.every(isPolicyChange)) {
      return value.map((change) => changeInWords(change, (id) => id));
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return [`${key}: ${text}`];
  });
}

function isPolicyChange(value: unknown): value is PolicyChange {
  const change = value as Partial<PolicyChange> | null;
  return typeof change?.field === 'string' && 'before' in change && 'after' in change;
}

/** The chain check in one line: what the status element says. */
export function chainText(check: Remote<AuditVerification>): string {
  if (check.kind === 'loading') return 'Checking the chain…';
  if (check.kind === 'failed') return 'The chain could not be checked just now.';
  const { intact, entries, brokenAt } = check.data;
  if (intact) return `Chain intact — ${countInWords(entries, 'entry', 'entries')}`;
  return brokenAt
    ? `Chain broken at entry ${brokenAt.seq}: ${brokenAt.reason}`
    : 'Chain broken: the verifier did not say where';
}
