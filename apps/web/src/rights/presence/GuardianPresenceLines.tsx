import './guardian-presence.css';
import type { MinorGuardianPresence } from '@assent/shared';
import { presenceLine } from './presence-words';

/** On a session in "Your sessions": per child who joined, whether a guardian was there at start and end. */
export function GuardianPresenceLines({
  presence,
}: {
  presence: readonly MinorGuardianPresence[] | undefined;
}) {
  const lines = (presence ?? []).flatMap((minor) => {
    const line = presenceLine(minor);
    return line
      ? [{ key: minor.personId, line, missed: minor.start === 'missed' || minor.end === 'missed' }]
      : [];
  });
  if (lines.length === 0) return null;
  return (
    <ul className="presence-lines" aria-label="A parent or guardian at the start and end">
      {lines.map(({ key, line, missed }) => (
        <li key={key} className={missed ? 'presence-missed' : undefined}>
          {line}
        </li>
      ))}
    </ul>
  );
}
