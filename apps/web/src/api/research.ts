import type {
  CallResearchConsentBody,
  MyResearchConsents,
  ResearchChoice,
  ResearchConsentBody,
  ResearchConsentState,
  ResearchExportCreated,
  ResearchOverview,
  ResearchSession,
} from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// Research sharing. Types only from @assent/shared: the join page uses this module, and its zod schemas
// must stay out of that first load; the server validates.

const api = config.apiBase;

/** The sessions and seats the signed-in person decides research sharing for. */
export function fetchMyResearch(): Promise<MyResearchConsents> {
  return requestJson(`${api}/me/research`);
}

/** Yes or no for one seat (your own, or a child's as their guardian); a later no is a withdrawal. */
export function decideResearch(
  sessionId: string,
  personId: string,
  decision: ResearchChoice,
): Promise<ResearchConsentState> {
  const body: ResearchConsentBody = { personId, decision };
  return requestJson(`${api}/sessions/${encodeURIComponent(sessionId)}/research-consent`, {
    method: 'PUT',
    body: JSON.stringify(body),
  });
}

/** With an invite: the seats it decides for (its own, and a guardian's children). */
export function fetchCallResearch(inviteToken: string): Promise<ResearchSession> {
  return requestJson(`${api}/call/research-consent`, { bearer: inviteToken });
}

export function decideResearchWithInvite(
  inviteToken: string,
  decision: ResearchChoice,
  forPersonId: string,
): Promise<ResearchConsentState> {
  const body: CallResearchConsentBody = { decision, forPersonId };
  return requestJson(`${api}/call/research-consent`, {
    method: 'PUT',
    body: JSON.stringify(body),
    bearer: inviteToken,
  });
}

/** Admins: sessions with stored recordings, whether everyone agreed, and past exports. */
export function fetchResearchOverview(): Promise<ResearchOverview> {
  return requestJson(`${api}/admin/research`);
}

/** Admins: exports every fully agreed session as of now. */
export function createResearchExport(): Promise<ResearchExportCreated> {
  return requestJson(`${api}/admin/research/exports`, { method: 'POST' });
}

/** Where an export's archive downloads from (a plain link: the browser streams it to a file). */
export const researchArchiveUrl = (exportId: string) =>
  `${api}/admin/research/exports/${encodeURIComponent(exportId)}/archive`;
