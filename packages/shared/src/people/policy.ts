import { z } from 'zod';
import { AccountRole } from './roles';

/** A purpose id such as `quality_assurance`: what a recording request names (consent rule 1). */
export const PurposeId = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Use lower-case letters, digits and _');

export const PurposePolicy = z.object({
  id: PurposeId,
  label: z.string().trim().min(1, 'A label is required').max(80),
  /** How long a recording made for this purpose is kept, in days (30, 90, 365 or any number). */
  retentionDays: z.number().int().min(1, 'At least one day').max(3650, 'At most ten years'),
  /** Staff roles that may watch recordings made for this purpose (participants are the playback window). */
  viewerRoles: z.array(AccountRole).max(5),
});
export type PurposePolicy = z.infer<typeof PurposePolicy>;

export const WithdrawalRule = z.enum(['keep', 'erase']);
export type WithdrawalRule = z.infer<typeof WithdrawalRule>;

/** The organisation's recording policy as an admin edits it; every saved edit is a new version. */
export const OrganisationPolicyInput = z
  .object({
    purposes: z.array(PurposePolicy).min(1, 'At least one purpose').max(20),
    /** Days students and guardians may play back sessions they attended; null: never. */
    participantPlaybackDays: z.number().int().min(1).max(3650).nullable(),
    /** What happens to a session's earlier recordings when someone withdraws (consent rule 7). */
    withdrawalRule: WithdrawalRule,
    /** Whether a guardian may consent for their child ahead of a session (consent rule 3). */
    advanceGuardianConsent: z.boolean(),
    /** Shown before joining and in every consent prompt; consent records cite its version. */
    noticeText: z.string().trim().min(20, 'The notice needs at least 20 characters').max(4000),
    /** The online-tutoring and recording policy a guardian reads and agrees to before enrolling. */
    agreementText: z.string().trim().min(20, 'The policy needs at least 20 characters').max(20000),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.purposes.forEach((purpose, index) => {
      if (seen.has(purpose.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['purposes', index, 'id'],
          message: `“${purpose.id}” is listed twice`,
        });
      }
      seen.add(purpose.id);
    });
  });
export type OrganisationPolicyInput = z.infer<typeof OrganisationPolicyInput>;

export const OrganisationPolicy = z.object({
  /** Increases by one with every saved change; `policy-<version>` is the notice version consent records cite. */
  version: z.number().int().positive(),
  noticeVersion: z.string(),
  createdAt: z.string(),
  /** Who saved this version; null for the defaults written on first start. */
  createdBy: z.string().nullable(),
  policy: OrganisationPolicyInput,
});
export type OrganisationPolicy = z.infer<typeof OrganisationPolicy>;

/** The notice version consent records cite for a policy version. */
export function noticeVersionOf(policyVersion: number): string {
  return `policy-${policyVersion}`;
}
