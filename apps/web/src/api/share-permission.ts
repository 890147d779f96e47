import type { SharePermissionBody, SharePermissionResponse } from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

/** The tutor lets someone in the call share their screen, or stops them; as the tutor's invite. */
export function setSharePermission(
  inviteToken: string,
  body: SharePermissionBody,
): Promise<SharePermissionResponse> {
  return requestJson(`${config.apiBase}/call/share-permission`, {
    method: 'POST',
    body: JSON.stringify(body),
    bearer: inviteToken,
  });
}
