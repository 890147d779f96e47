import type { OrganisationPolicy, RetentionEffect } from '@assent/shared';
import { useEffect, useState } from 'react';
import { previewRetention } from './admin-api';
import type { PolicyDraft } from './policy-form';
import { changedRetentions } from './retention-effects';

/** A short pause after typing before asking the server, so each keystroke is not a request. */
const settleMs = 300;

export type RetentionPreview =
  | { kind: 'none' }
  | { kind: 'checking' }
  | { kind: 'known'; effects: RetentionEffect[] }
  | { kind: 'unknown' };

/** What saving the draft's retention changes would do to stored recordings, asked as the draft changes. */
export function useRetentionEffects(saved: OrganisationPolicy, draft: PolicyDraft): RetentionPreview {
  const request = changedRetentions(saved, draft);
  const key = request ? JSON.stringify(request) : '';
  const [preview, setPreview] = useState<RetentionPreview>({ kind: 'none' });
  useEffect(() => {
    if (!key) {
      setPreview({ kind: 'none' });
      return;
    }
    let current = true;
    setPreview({ kind: 'checking' });
    const timer = setTimeout(() => {
      previewRetention(JSON.parse(key)).then(
        ({ effects }) => current && setPreview({ kind: 'known', effects }),
        () => current && setPreview({ kind: 'unknown' }),
      );
    }, settleMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return preview;
}
