import type { MeResponse } from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

/** Who is signed in (user null: nobody). Its own module: the first load needs it, not the rest of people.ts. */
export function fetchMe(): Promise<MeResponse> {
  return requestJson(`${config.apiBase}/me`);
}
