/**
 * The recording layout's key to one session's board. Egress's Chrome holds no Assent credential, so the
 * layout address the server gives egress carries this key: the session id and an expiry, signed with an
 * HMAC under the server's invite secret (with a label of its own, so no invite token is ever a key and no
 * key an invite token). It opens `GET /api/recording-layout/board` for that session and nothing else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../http/app-error';

/** Long enough for the longest lesson a recording could follow. */
export const boardKeyLifetimeMs = 12 * 60 * 60 * 1000;

const label = 'assent:recording-layout-board:v1';

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${label}\n${payload}`).digest();
}

export function boardLayoutKey(secret: string, sessionId: string, now: Date): string {
  const expires = Math.floor((now.getTime() + boardKeyLifetimeMs) / 1000);
  const payload = `${sessionId}.${expires}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The session a key opens; 401 for a key we did not sign, 403 for one past its expiry. */
export function verifyBoardLayoutKey(secret: string, key: string, now: Date): string {
  const [encoded, signature, extra] = key.split('.');
  const invalid = () => new AppError(401, 'unauthorized', 'This is not a board key this server made.');
  if (!encoded || !signature || extra !== undefined) throw invalid();
  const payload = Buffer.from(encoded, 'base64url').toString();
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const match = /^(.+)\.(\d+)$/.exec(payload);
  if (!match) throw invalid();
  if (Number(match[2]) * 1000 <= now.getTime()) {
    throw new AppError(403, 'link_expired', 'This board key has expired.');
  }
  return match[1] as string;
}
