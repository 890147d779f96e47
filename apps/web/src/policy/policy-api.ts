import type { ReadablePolicy } from '@assent/shared';
import { requestJson } from '../api/client';
import { config } from '../config';

/** The policy in force as families read it; anyone may ask, signed in or not. */
export function fetchReadablePolicy(): Promise<ReadablePolicy> {
  return requestJson(`${config.apiBase}/policy/readable`);
}
