/**
 * What a changed retention does to recordings already stored, in words for the admin before saving:
 * a shorter one applies to them (destroyed sooner), a longer one only to new recordings.
 */

import type { OrganisationPolicy, RetentionEffect, RetentionEffectsRequest } from '@assent/shared';
import { countInWords } from '../ui/format';
import type { PolicyDraft } from './policy-form';
import { purposeIdOf, retentionDaysOf } from './policy-form';

const recordings = (n: number) => countInWords(n, 'stored recording', 'stored recordings');

export function retentionEffectText(effect: RetentionEffect): string {
  const { label, afterDays } = effect;
  if (effect.direction === 'shorter') {
    if (effect.destroyedSooner === 0) {
      return `${label}: new recordings will be kept ${afterDays} days; no stored recording is destroyed sooner.`;
    }
    const now = effect.destroyedAtNextSweep;
    const due =
      now > 0
        ? `; ${now === effect.destroyedSooner ? (now === 1 ? 'it is' : 'all are') : `${now} of them are`} already older than that and will be destroyed at the next sweep`
        : '';
    const made = effect.destroyedSooner === 1 ? 'it was' : 'they were';
    return `${label}: ${recordings(effect.destroyedSooner)} will be destroyed sooner, ${afterDays} days after ${made} made instead of ${effect.beforeDays}${due}.`;
  }
  if (effect.storedRecordings === 0) {
    return `${label}: new recordings will be kept ${afterDays} days; there are no stored recordings to change.`;
  }
  return `${label}: only new recordings will be kept ${afterDays} days; the ${recordings(effect.storedRecordings)} keep the time people consented to.`;
}

/** The saved purposes whose retention the draft changes (to a valid number of days), for the preview. */
export function changedRetentions(
  saved: OrganisationPolicy,
  draft: PolicyDraft,
): RetentionEffectsRequest | null {
  const before = new Map(saved.policy.purposes.map((p) => [p.id, p.retentionDays]));
  const purposes = draft.purposes.flatMap((purpose) => {
    const id = purposeIdOf(purpose);
    const days = retentionDaysOf(purpose.retention, purpose.customDays);
    const was = before.get(id);
    if (was === undefined || !Number.isInteger(days) || days < 1 || days > 3650 || days === was) return [];
    return [{ id, retentionDays: days }];
  });
  return purposes.length > 0 ? { purposes } : null;
}
