import { retentionEffectText } from './retention-effects';
import type { RetentionPreview } from './useRetentionEffects';

/** Before saving: which stored recordings a changed retention destroys sooner, and which it leaves. */
export function RetentionEffectsNotice({ preview }: { preview: RetentionPreview }) {
  return (
    <section aria-labelledby="retention-effects-heading" aria-live="polite" hidden={preview.kind === 'none'}>
      <h3 id="retention-effects-heading" className="admin__subheading">
        What this does to stored recordings
      </h3>
      {preview.kind === 'checking' && <p className="muted">Counting stored recordings…</p>}
      {preview.kind === 'unknown' && (
        <p className="muted">
          Could not count stored recordings. A shorter retention applies to them; a longer one does not.
        </p>
      )}
      {preview.kind === 'known' && (
        <ul>
          {preview.effects.map((effect) => (
            <li key={effect.purpose}>{retentionEffectText(effect)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
