import type { Migration } from 'kysely/migration';
import * as sessions from './2026_11_22_0001_sessions';
import * as livekitPresence from './2026_11_22_0002_livekit_presence';
import * as consent from './2026_11_22_0003_consent';
import * as guardianLinks from './2026_11_22_0004_guardian_links';
import * as accounts from './2026_11_22_0005_accounts';
import * as organisation from './2026_11_22_0006_organisation';
import * as vault from './2026_12_02_0007_vault';
import * as advanceConsent from './2026_12_02_0008_advance_consent';
import * as rights from './2026_12_02_0009_rights';
import * as accountLifecycle from './2026_12_07_0011_account_lifecycle';
import * as accessRelease from './2026_12_07_0012_access_release';
import * as vaultPaths from './2026_12_07_0013_vault_paths';
import * as authHardening from './2026_12_07_0014_auth_hardening';
import * as room from './2026_12_07_0015_room';
import * as chat from './2026_12_07_0016_chat';
import * as board from './2026_12_07_0017_board';
import * as shareGrant from './2026_12_07_0018_share_grant';
import * as chatErased from './2026_12_07_0019_chat_erased';
import * as schedule from './2026_12_07_0020_schedule';
import * as calendarJobs from './2026_12_07_0021_calendar_jobs';
import * as families from './2026_12_07_0022_families';
import * as policyReviews from './2026_12_07_0023_policy_reviews';
import * as talkTime from './2026_12_07_0024_talk_time';
import * as transcripts from './2026_12_07_0025_transcripts';
import * as mediaStart from './2026_12_08_0026_media_start';

/** Every migration by name; names sort in the order they must run. Add new ones here. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_sessions': sessions,
  '2026_11_22_0002_livekit_presence': livekitPresence,
  '2026_11_22_0003_consent': consent,
  '2026_11_22_0004_guardian_links': guardianLinks,
  '2026_11_22_0005_accounts': accounts,
  '2026_11_22_0006_organisation': organisation,
  '2026_12_02_0007_vault': vault,
  '2026_12_02_0008_advance_consent': advanceConsent,
  '2026_12_02_0009_rights': rights,
  '2026_12_07_0013_vault_paths': vaultPaths,
  '2026_12_07_0014_auth_hardening': authHardening,
  '2026_12_07_0016_chat': chat,
  '2026_12_07_0011_account_lifecycle': accountLifecycle,
  '2026_12_07_0012_access_release': accessRelease,
  '2026_12_07_0015_room': room,
  '2026_12_07_0019_chat_erased': chatErased,
  '2026_12_07_0017_board': board,
  '2026_12_07_0018_share_grant': shareGrant,
  '2026_12_07_0022_families': families,
  '2026_12_07_0023_policy_reviews': policyReviews,
  '2026_12_07_0020_schedule': schedule,
  '2026_12_07_0021_calendar_jobs': calendarJobs,
  '2026_12_07_0024_talk_time': talkTime,
  '2026_12_07_0025_transcripts': transcripts,
  '2026_12_08_0026_media_start': mediaStart,
};
