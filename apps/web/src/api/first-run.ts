import { FirstRunChecklist } from '@assent/shared';
import { config } from '../config';
import { ApiError, requestJson } from './client';

// A new organisation's first steps, on the admin's home.

function parsed(body: unknown): FirstRunChecklist {
  const result = FirstRunChecklist.safeParse(body);
  if (!result.success) throw new ApiError('internal', 'The server’s answer could not be read.');
  return result.data;
}

/** Admins only: which of the first steps are done, read from what exists. */
export async function fetchFirstRunChecklist(): Promise<FirstRunChecklist> {
  return parsed(await requestJson<unknown>(`${config.apiBase}/admin/first-run`));
}

/** Admins only: marks the policy in force (and its agreement text) reviewed as it is; audited. */
export async function markPolicyReviewed(): Promise<FirstRunChecklist> {
  return parsed(await requestJson<unknown>(`${config.apiBase}/admin/policy/review`, { method: 'POST' }));
}
