import type { AccountRole, MySession, OrganisationPolicy } from '@assent/shared';
import { SessionChatLink } from '../chat/SessionChatLink';
import { SessionTalkTimeLink } from '../insights/SessionTalkTimeLink';
import { SessionReportLink } from '../rights/concerns/SessionReportLink';
import { GuardianPresenceLines } from '../rights/presence/GuardianPresenceLines';
import { OverlapWarning } from '../sessions/OverlapWarning';
import { ReplaceableLink } from '../sessions/ReplaceableLink';
import { spanInWords } from '../sessions/zoned-time';
import { AdvanceConsent } from './AdvanceConsent';
import { JoinControl } from './JoinControl';
import type { ScheduleChange } from './MySessions';
import { OccurrenceActions } from './OccurrenceActions';
import { SessionWhen } from './SessionWhen';
import { joinWindow } from './session-groups';
import { formatSessionDate, peopleLine } from './session-summary';

interface SessionItemProps {
  session: MySession;
  accountRole: AccountRole;
  /** The policy's purposes when guardians may consent in advance; null when they may not. */
  purposes: OrganisationPolicy['policy']['purposes'] | null;
  now: Date;
  timeZone: string;
  /** The last move or cancellation made from this page, to say what came of it. */
  change: ScheduleChange | null;
  onChange: (change: ScheduleChange) => void;
  /** The session a calendar mail linked to (`/?session=<id>`): marked, and focused when listed. */
  linked?: boolean;
}

/** The element id of a session in the list, for the calendar mail's link to land on. */
export const sessionItemId = (sessionId: string) => `session-${sessionId}`;

/** One of "Your sessions": when, who, the person's Join, and for guardians their children's links. */
export function SessionItem({
  session,
  accountRole,
  purposes,
  now,
  timeZone,
  change,
  onChange,
  linked = false,
}: SessionItemProps) {
  const { time } = session;
  // The organiser (the tutor's seat) and admins may move or cancel; the server decides again.
  const manages = time && (session.role === 'tutor' || accountRole === 'admin');
  const mine = change?.sessionId === session.sessionId ? change : null;
  const joinState = joinWindow(time, now);
  const over = joinState === 'closed' || joinState === 'cancelled';
  return (
    <li
      id={sessionItemId(session.sessionId)}
      tabIndex={linked ? -1 : undefined}
      aria-describedby={linked ? `${sessionItemId(session.sessionId)}-linked` : undefined}
      className={[
        'session-item',
        time?.cancelledAt ? 'session-item--cancelled' : '',
        linked ? 'session-item--linked' : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <h4 className="session-item__title">{session.title}</h4>
      {linked && (
        <p className="session-item__linked" id={`${sessionItemId(session.sessionId)}-linked`}>
          The session your mail is about
        </p>
      )}
      {time && <SessionWhen time={time} timeZone={timeZone} />}
      <p className="muted session-item__meta">
        {!time && formatSessionDate(session.createdAt)}
        {!time && session.people.length > 0 && ' · '}
        {peopleLine(session.people)}
      </p>
      <GuardianPresenceLines presence={session.guardianPresence} />
      <JoinControl session={session} now={now} timeZone={timeZone} />
      {mine?.kind === 'moved' && (
        <>
          <p role="status" className="schedule-outcome">
            Moved to {spanInWords(mine.moved.occurrence.startsAt, mine.moved.occurrence.endsAt, timeZone)}.
            Everyone in it is sent the new time.
          </p>
          <OverlapWarning overlaps={mine.moved.overlaps} timeZone={timeZone} />
        </>
      )}
      {mine?.kind === 'cancelled' && (
        <p role="status" className="schedule-outcome">
          Cancelled. Everyone in it is told.
        </p>
      )}
      <SessionReportLink sessionId={session.sessionId} title={session.title} />
      <SessionChatLink session={session} />
      <SessionTalkTimeLink session={session} />
      {manages && (
        <OccurrenceActions
          sessionId={session.sessionId}
          title={session.title}
          time={time}
          now={now}
          timeZone={timeZone}
          onMoved={(moved) => onChange({ kind: 'moved', sessionId: session.sessionId, moved })}
          onCancelled={() => onChange({ kind: 'cancelled', sessionId: session.sessionId })}
        />
      )}
      {session.children.length > 0 && !over && (
        <div className="session-item__children">
          <p className="muted">
            Open your child's link on the device they will use. It is theirs alone: please don't share it.
          </p>
          {session.children.map((child) =>
            child.joinUrl ? (
              <ReplaceableLink
                key={child.personId}
                sessionId={session.sessionId}
                personId={child.personId}
                name={child.name}
                label={`Join link for ${child.name}`}
                url={child.joinUrl}
              />
            ) : (
              <p key={child.name} className="refusal">
                <strong>{child.name}:</strong> {child.refusal ?? 'cannot join this session yet.'}
              </p>
            ),
          )}
          {purposes &&
            session.children.map((child) => (
              <AdvanceConsent
                key={child.personId}
                sessionId={session.sessionId}
                child={child}
                purposes={purposes}
              />
            ))}
        </div>
      )}
    </li>
  );
}
