import type { MoveOccurrenceResponse, SessionTime } from '@assent/shared';
import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import { describeFailure } from '../api/failure-words';
import { cancelOccurrence, moveOccurrence } from '../api/sessions';
import { durationChoices, lengthInWords } from '../sessions/schedule-form';
import { spanInWords, wallClock } from '../sessions/zoned-time';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorAlert } from '../ui/ErrorAlert';
import { unplacedErrors } from '../ui/field-errors';
import { useFormSubmit } from '../ui/useFormSubmit';
import '../sessions/schedule.css';

interface OccurrenceActionsProps {
  sessionId: string;
  title: string;
  time: SessionTime;
  now: Date;
  /** The viewer's zone: the new time is typed in it and sent with it. */
  timeZone: string;
  onMoved: (moved: MoveOccurrenceResponse) => void;
  onCancelled: () => void;
}

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/**
 * The organiser's (and an admin's) "Move" and "Cancel session" for one occurrence: only this one moves
 * or is cancelled, the rest of its series stays, and everyone in it is sent the change.
 */
export function OccurrenceActions(props: OccurrenceActionsProps) {
  const { sessionId, title, time, now, timeZone } = props;
  const [moving, setMoving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [cancel, setCancel] = useState<{ busy: boolean; failure: unknown }>({ busy: false, failure: null });
  const started = Date.parse(time.startsAt) <= now.getTime();
  const ended = Date.parse(time.endsAt) <= now.getTime();
  if (time.cancelledAt || ended) return null;
  const when = spanInWords(time.startsAt, time.endsAt, timeZone);

  const confirm = () => {
    setCancel({ busy: true, failure: null });
    cancelOccurrence(sessionId).then(
      () => {
        setConfirming(false);
        setCancel({ busy: false, failure: null });
        props.onCancelled();
      },
      (failure: unknown) => {
        setConfirming(false);
        setCancel({ busy: false, failure });
      },
    );
  };
  const words = cancel.failure === null ? null : describeFailure(cancel.failure);

  return (
    <div className="occurrence-actions">
      {!started && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={moving}
          onClick={() => setMoving((m) => !m)}
        >
          Move
        </button>
      )}
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => setConfirming(true)}
      >
        Cancel session
      </button>
      {moving && (
        <MoveForm
          sessionId={sessionId}
          time={time}
          timeZone={timeZone}
          onDone={() => setMoving(false)}
          onMoved={(moved) => {
            setMoving(false);
            props.onMoved(moved);
          }}
        />
      )}
      {words && <ErrorAlert title={words.title}>{words.detail}</ErrorAlert>}
      {confirming && (
        <ConfirmDialog
          title={`Cancel “${title}” on ${when}?`}
          confirmLabel="Cancel this session"
          cancelLabel="Keep it"
          busy={cancel.busy}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Everyone in it is sent the cancellation for their calendar, and no reminder. Only this one is
            cancelled: the rest of its series stays as it is.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

interface MoveFormProps {
  sessionId: string;
  time: SessionTime;
  timeZone: string;
  onDone: () => void;
  onMoved: (moved: MoveOccurrenceResponse) => void;
}

/** A new date, start time and duration for this occurrence, in the viewer's zone. */
function MoveForm({ sessionId, time, timeZone, onDone, onMoved }: MoveFormProps) {
  const id = useId();
  const start = wallClock(time.startsAt, timeZone);
  const [date, setDate] = useState(start.date);
  const [clock, setClock] = useState(start.time);
  const current = minutesBetween(time.startsAt, time.endsAt);
  const [duration, setDuration] = useState(String(current));
  const choices = [...new Set<number>([...durationChoices, current])].sort((a, b) => a - b);
  const { submit, fields, onSubmit } = useFormSubmit(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(clock)) {
      const issues = [{ path: 'startsAt', message: 'Pick a date and a start time' }];
      return Promise.reject(new ApiError('validation_failed', 'Check the time', 400, issues));
    }
    return moveOccurrence(sessionId, {
      startsAt: `${date}T${clock}`,
      durationMinutes: Number(duration),
      timeZone,
    });
  }, onMoved);
  const startError = fields.startsAt ?? fields['schedule.startsAt'] ?? fields.timeZone;
  const failure = submit.kind === 'refused' ? submit.failure : null;
  const rest = unplacedErrors(fields, (path) =>
    ['startsAt', 'schedule.startsAt', 'timeZone', 'durationMinutes'].includes(path),
  );
  return (
    <form className="occurrence-move" onSubmit={onSubmit} noValidate aria-label="Move this session">
      {failure && (
        <ErrorAlert key={submit.kind === 'refused' ? submit.attempt : 0} title={failure.title} focusOnMount>
          <p>{failure.detail}</p>
          {rest.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </ErrorAlert>
      )}
      <div className="occurrence-move__row">
        <div className="field">
          <label htmlFor={`${id}-date`}>New date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            aria-invalid={startError ? true : undefined}
            aria-describedby={startError ? `${id}-start-error` : undefined}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>New start time</label>
          <input
            id={`${id}-time`}
            type="time"
            value={clock}
            aria-invalid={startError ? true : undefined}
            aria-describedby={startError ? `${id}-start-error` : undefined}
            onChange={(e) => setClock(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>Duration</label>
          <select
            id={`${id}-duration`}
            value={duration}
            aria-invalid={fields.durationMinutes ? true : undefined}
            onChange={(e) => setDuration(e.target.value)}
          >
            {choices.map((m) => (
              <option key={m} value={String(m)}>
                {lengthInWords(m)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {startError && (
        <p className="field__error" id={`${id}-start-error`}>
          {startError}
        </p>
      )}
      {fields.durationMinutes && <p className="field__error">{fields.durationMinutes}</p>}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={submit.kind === 'sending'}
          aria-busy={submit.kind === 'sending'}
        >
          Move session
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onDone}>
          Keep it where it is
        </button>
      </div>
    </form>
  );
}
