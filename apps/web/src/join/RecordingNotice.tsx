import type { InvitePreview } from '@assent/shared';

/** The versioned notice text and whether a recording is running right now (consent rule 5). */
export function RecordingNotice({ preview }: { preview: InvitePreview }) {
  const active = preview.recording.active;
  return (
    <section className="notice" aria-labelledby="recording-notice-heading">
      <h2 id="recording-notice-heading">Recording notice</h2>
      <p className={active ? 'notice__state notice__state--on' : 'notice__state'}>
        <span className="notice__dot" aria-hidden="true" />
        {active ? 'Recording is on now' : 'Recording is off'}
      </p>
      {active && <p>It stops when you join, and starts again only if you agree.</p>}
      <p className="notice__text">{preview.notice.text}</p>
    </section>
  );
}
