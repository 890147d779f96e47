/**
 * Changing the organisation's policy: every change is a new version written in one transaction with
 * its audit entry (which names each field that changed), and an edit made from an older version than
 * the one in force is refused rather than silently undoing someone else's change.
 */
import {
  noticeVersionOf,
  type OrganisationPolicy,
  OrganisationPolicyInput,
  type PolicyChange,
  type SavePolicyRequest,
} from '@assent/shared';
import { type AuditActor, appendAudit } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import { defaultPolicyInput, type PolicyDefaults } from './default-policy';
import { currentPolicy, insertPolicyVersion } from './policy-repository';

const stale = (current: number | undefined) =>
  new AppError(
    409,
    'policy_version_stale',
    current === undefined
      ? 'There is no policy to change yet. Reload the page.'
      : `The policy was changed by someone else (it is now version ${current}). Reload it and make your change again.`,
  );

const textSummary = (text: string) => `${text.length} characters`;

/** Each field of `after` that differs from `before`, purposes by id. Long texts are given by length. */
export function describePolicyChanges(
  before: OrganisationPolicyInput,
  after: OrganisationPolicyInput,
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const was = new Map(before.purposes.map((p) => [p.id, p]));
  const now = new Map(after.purposes.map((p) => [p.id, p]));
  for (const purpose of after.purposes) {
    const old = was.get(purpose.id);
    const field = `purposes.${purpose.id}`;
    if (!old) {
      changes.push({ field, before: null, after: purpose.label });
      continue;
    }
    if (old.label !== purpose.label)
      changes.push({ field: `${field}.label`, before: old.label, after: purpose.label });
    if (old.retentionDays !== purpose.retentionDays) {
      changes.push({
        field: `${field}.retentionDays`,
        before: old.retentionDays,
        after: purpose.retentionDays,
      });
    }
    if ([...old.viewerRoles].sort().join() !== [...purpose.viewerRoles].sort().join()) {
      changes.push({ field: `${field}.viewerRoles`, before: old.viewerRoles, after: purpose.viewerRoles });
    }
  }
  for (const old of before.purposes) {
    if (!now.has(old.id)) changes.push({ field: `purposes.${old.id}`, before: old.label, after: null });
  }
  // The order is the order a tutor picks from.
  const kept = (list: OrganisationPolicyInput['purposes'], other: Map<string, unknown>) =>
    list.filter((p) => other.has(p.id)).map((p) => p.id);
  if (kept(before.purposes, now).join() !== kept(after.purposes, was).join()) {
    changes.push({
      field: 'purposes.order',
      before: kept(before.purposes, now),
      after: kept(after.purposes, was),
    });
  }
  for (const field of [
    'participantPlaybackDays',
    'withdrawalRule',
    'advanceGuardianConsent',
    'adultGuestsAllowed',
    'researchExportMedia',
    'lateRequestDays',
    'askAgainAfterMinutes',
    'chatRetentionDays',
    'chatParticipantsRead',
    'studentsMayShare',
    'joinOpensMinutesBefore',
    'joinGraceMinutes',
    'guardianPresenceMinutes',
  ] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  if (before.reminderLeadMinutes.join() !== after.reminderLeadMinutes.join()) {
    changes.push({
      field: 'reminderLeadMinutes',
      before: before.reminderLeadMinutes.map(String),
      after: after.reminderLeadMinutes.map(String),
    });
  }
  if (before.chatReaderRoles.join() !== after.chatReaderRoles.join()) {
    changes.push({ field: 'chatReaderRoles', before: before.chatReaderRoles, after: after.chatReaderRoles });
  }
  // Talk time and transcripts: a change to them alone is a new version too (who sees talk time, the lines).
  for (const field of [
    'talkTimeEnabled',
    'talkTimeLearnersSeeOwn',
    'talkTimeEngagingPercent',
    'talkTimeLowPercent',
    'talkTimeHighPercent',
    'talkTimeRetentionDays',
    'transcriptsEnabled',
    'transcriptRetentionDays',
  ] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  if (before.talkTimeReaderRoles.join() !== after.talkTimeReaderRoles.join()) {
    changes.push({
      field: 'talkTimeReaderRoles',
      before: before.talkTimeReaderRoles,
      after: after.talkTimeReaderRoles,
    });
  }
  for (const field of ['organisationName', 'organisationContact'] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  for (const field of ['noticeText', 'agreementText'] as const) {
    if (before[field] !== after[field]) {
      changes.push({ field, before: textSummary(before[field]), after: textSummary(after[field]) });
    }
  }
  return changes;
}

/**
 * Writes version 1 from the configuration on a database that has no policy yet, with its audit entry,
 * and answers the version in force. Safe to call on every start and from several processes at once:
 * only the writer whose insert lands writes the audit entry.
 */
export async function ensureDefaultPolicy(
  db: DbOrTrx,
  defaults: PolicyDefaults,
  now: Date,
): Promise<OrganisationPolicy> {
  const existing = await currentPolicy(db);
  if (existing) return existing;
  const policy = OrganisationPolicyInput.parse(defaultPolicyInput(defaults));
  const run = async (trx: DbOrTrx) => {
    const written = await insertPolicyVersion(trx, {
      version: 1,
      policy,
      createdAt: now.toISOString(),
      createdBy: null,
    });
    if (!written) return;
    await appendAudit(trx, {
      actor: { userId: null, role: null },
      action: 'policy.create',
      target: { type: 'policy', id: '1' },
      detail: {
        version: 1,
        source: 'configuration defaults',
        purposes: policy.purposes.map((p) => p.id),
        retentionDays: defaults.retentionDays,
      },
      at: now,
    });
  };
  await (db.isTransaction ? run(db) : db.transaction().execute(run));
  const current = await currentPolicy(db);
  if (!current) throw new Error('the default policy was not written');
  return current;
}

/**
 * Saves an admin's edit as the next version. Refused with 409 `policy_version_stale` (nothing written)
 * when it was made from an older version than the one in force, or another save took that number
 * first. An edit that changes nothing writes nothing and answers the version in force.
 */
export async function savePolicy(
  db: DbOrTrx,
  actor: AuditActor,
  request: SavePolicyRequest,
  now: Date,
): Promise<{ policy: OrganisationPolicy; changes: PolicyChange[] }> {
  const { basedOnVersion, ...policy } = request;
  const run = async (trx: DbOrTrx) => {
    const current = await currentPolicy(trx);
    if (!current || current.version !== basedOnVersion) throw stale(current?.version);
    const changes = describePolicyChanges(current.policy, policy);
    if (changes.length === 0) return { policy: current, changes };
    const version = current.version + 1;
    const createdAt = now.toISOString();
    const written = await insertPolicyVersion(trx, { version, policy, createdAt, createdBy: actor.userId });
    if (!written) throw stale(version);
    const saved: OrganisationPolicy = {
      version,
      noticeVersion: noticeVersionOf(version),
      createdAt,
      createdBy: actor.userId,
      policy,
    };
    await appendAudit(trx, {
      actor,
      action: 'policy.update',
      target: { type: 'policy', id: String(version) },
      detail: { version, basedOnVersion, noticeVersion: saved.noticeVersion, changes },
      at: now,
    });
    return { policy: saved, changes };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
