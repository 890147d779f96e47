/**
 * Invite links carry a signed token (JWT, HS256, INVITE_SECRET) naming the session, person and role.
 * SECURITY: the token is a bearer credential for one seat in one session until it expires; it is
 * never logged and never stored.
 */
import { webcrypto } from 'node:crypto';
import { days, SessionRole } from '@assent/shared';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AppError } from '../http/app-error';

const audience = 'assent-invite';
const issuer = 'assent';

/**
 * `v`: the seat's link version when the link was made (invites/seat-link-version.ts); links made before
 * any replacement carry none and count as version 0.
 */
const InviteClaims = z.object({
  sid: z.string().min(1),
  pid: z.string().min(1),
  role: SessionRole,
  v: z.number().int().nonnegative().optional(),
});
export type InviteClaims = z.infer<typeof InviteClaims>;

export interface VerifiedInvite extends InviteClaims {
  expiresAt: Date;
}

// Importing the HMAC key is most of a verify's cost; the secret is fixed for the process, so import once.
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();
function keyFor(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    keys.set(secret, key);
  }
  return key;
}

export async function signInvite(secret: string, claims: InviteClaims, expiresAt: Date): Promise<string> {
  // Version 0 is left out, so links from before replacement existed and new ones read the same.
  const { v, ...rest } = claims;
  return new SignJWT(v ? claims : rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await keyFor(secret));
}

/** Throws 401 invite_invalid for anything not signed by us for this purpose, 410 invite_expired when stale. */
export interface VerifyOptions {
  /**
   * Accept a genuine invite past its expiry. SECURITY: only for saying no (decline, withdraw) and reading
   * the state: a call can outlive its invite, and refusing consent must never be harder than giving it.
   */
  allowExpired?: boolean;
}

const tenYearsInSeconds = days(10 * 365) / 1000;

export async function verifyInvite(
  secret: string,
  token: string,
  now: Date,
  options: VerifyOptions = {},
): Promise<VerifiedInvite> {
  try {
    // jose checks the signature before any claim, so a forged expired token is invalid, not expired.
    const { payload } = await jwtVerify(token, await keyFor(secret), {
      algorithms: ['HS256'],
      audience,
      issuer,
      currentDate: now,
      requiredClaims: ['exp'],
      clockTolerance: options.allowExpired ? tenYearsInSeconds : 0,
    });
    const claims = InviteClaims.safeParse(payload);
    if (!claims.success || payload.exp === undefined) throw new Error('invite claims are malformed');
    return { ...claims.data, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new AppError(410, 'invite_expired', 'This invite link has expired. Ask the tutor for a new one.');
    }
    throw new AppError(401, 'invite_invalid', 'This invite link is not valid.');
  }
}
