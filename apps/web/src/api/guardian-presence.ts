import { GuardianPresencePage } from '@assent/shared';
import { config } from '../config';
import { ApiError, requestJson } from './client';

// Whether a guardian was there at each minor's start and end. Only the admin page loads this module,
// so the zod schema that checks the answer stays out of the first load.

export interface GuardianPresenceFilter {
  missedOnly: boolean;
  /** The previous page's `nextBefore`, for older sessions. */
  before?: string | undefined;
}

/** Admins only: sessions with children, newest first, a page at a time. */
export async function fetchGuardianPresence(filter: GuardianPresenceFilter): Promise<GuardianPresencePage> {
  const query = new URLSearchParams({ missedOnly: String(filter.missedOnly) });
  if (filter.before) query.set('before', filter.before);
  const parsed = GuardianPresencePage.safeParse(
    await requestJson<unknown>(`${config.apiBase}/admin/guardian-presence?${query}`),
  );
  if (!parsed.success) throw new ApiError('internal', 'The server’s answer could not be read.');
  return parsed.data;
}
