/** The admin's view of the audit log: its entries, how to filter them, and whether the chain is intact. */
import { z } from 'zod';
import { AuditAction } from './actions';

export const AuditOutcome = z.enum(['done', 'denied']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** One entry as the admin page shows it; `actorName` is the account's current name (null if gone). */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The role the actor had when they acted. */
  actorRole: z.string().nullable(),
  /**
   * One of `AuditAction`, such as `policy.update` or `auth.sign_in`; an entry written by hand or by a
   * version that used another word keeps that word as stored (the hash chain covers it).
   */
  action: z.union([AuditAction, z.string()]),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: AuditOutcome,
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /api/admin/audit` query: every filter optional, newest first, paged by `before`. */
export const AuditQuery = z
  .object({
    actorUserId: z.string().min(1).max(64).optional(),
    targetType: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _')
      .optional(),
    targetId: z.string().min(1).max(128).optional(),
    /** `auth.` matches every sign-in and sign-out; `policy.update` that action (and any it prefixes). */
    actionPrefix: z
      .string()
      .regex(/^[a-z][a-z0-9_.]{0,79}$/, 'Use lower-case letters, digits, _ and .')
      .optional(),
    outcome: AuditOutcome.optional(),
    limit: z.coerce.number().int().min(1).max(200, 'At most 200 entries a page').default(50),
    /** Only entries older than this seq: the previous page's `nextBefore`. */
    before: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => q.targetId === undefined || q.targetType !== undefined, {
    message: 'targetId needs targetType',
    path: ['targetId'],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/**
 * Whether every entry still hashes to its stored hash and links to the one before, with no seq missing.
 * Removing the newest entries leaves a shorter intact chain, so keep `lastHash` somewhere else to compare.
 */
export const AuditVerification = z.object({
  intact: z.boolean(),
  entries: z.number().int().nonnegative(),
  lastSeq: z.number().int().nullable(),
  lastHash: z.string().nullable(),
  /** The first break found, e.g. `{ seq: 17, reason: 'hash does not match its contents' }`. */
  brokenAt: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
