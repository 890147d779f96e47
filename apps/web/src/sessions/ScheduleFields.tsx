import type { Dispatch, SetStateAction } from 'react';
import { CheckboxField } from '../ui/CheckboxField';
import type { FieldErrors } from '../ui/field-errors';
import {
  durationChoices,
  lengthInWords,
  repeatError,
  type ScheduleDraft,
  startError,
  weekdayNames,
  weekdayOf,
  withWeekday,
} from './schedule-form';
import { zoneInWords } from './zoned-time';
import './schedule.css';

interface ScheduleFieldsProps {
  draft: ScheduleDraft;
  /** The browser's zone: the times typed are in it, and it is said. */
  timeZone: string;
  errors: FieldErrors;
  onChange: Dispatch<SetStateAction<ScheduleDraft>>;
}

/** When the session takes place: now, or a date and time in the browser's zone, once or every week. */
export function ScheduleFields({ draft, timeZone, errors, onChange }: ScheduleFieldsProps) {
  const set = (patch: Partial<ScheduleDraft>) => onChange((d) => ({ ...d, ...patch }));
  const start = startError(errors);
  const duration = errors['schedule.durationMinutes'];
  const repeat = repeatError(errors);
  const ownDay = weekdayNames[weekdayOf(draft.date)];
  return (
    <fieldset className="choices schedule">
      <legend>When</legend>
      <div className="schedule__when">
        <label className="schedule__radio">
          <input
            type="radio"
            name="session-when"
            checked={draft.when === 'now'}
            onChange={() => set({ when: 'now' })}
          />
          Start now
        </label>
        <label className="schedule__radio">
          <input
            type="radio"
            name="session-when"
            checked={draft.when === 'later'}
            onChange={() => set({ when: 'later' })}
          />
          At a set time
        </label>
      </div>
      {draft.when === 'later' && (
        <>
          <p className="muted choices__hint" id="schedule-zone">
            Times are in your time zone, {zoneInWords(timeZone)} ({timeZone}); everyone sees them in their
            own.
          </p>
          <div className="schedule__row">
            <div className="field">
              <label htmlFor="session-date">Date</label>
              <input
                id="session-date"
                type="date"
                value={draft.date}
                aria-invalid={start ? true : undefined}
                aria-describedby={start ? 'session-start-error' : 'schedule-zone'}
                onChange={(e) => set({ date: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="session-time">Start time</label>
              <input
                id="session-time"
                type="time"
                value={draft.time}
                aria-invalid={start ? true : undefined}
                aria-describedby={start ? 'session-start-error' : 'schedule-zone'}
                onChange={(e) => set({ time: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="session-duration">Duration</label>
              <select
                id="session-duration"
                value={draft.duration}
                aria-invalid={duration ? true : undefined}
                aria-describedby={duration ? 'session-duration-error' : undefined}
                onChange={(e) => set({ duration: e.target.value })}
              >
                {durationChoices.map((m) => (
                  <option key={m} value={String(m)}>
                    {lengthInWords(m)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {start && (
            <p className="field__error" id="session-start-error">
              {start}
            </p>
          )}
          {duration && (
            <p className="field__error" id="session-duration-error">
              {duration}
            </p>
          )}
          <CheckboxField
            id="session-repeats"
            label="Repeats weekly"
            checked={draft.repeats}
            onChange={(repeats) => set({ repeats })}
          />
          {draft.repeats && (
            <div className="schedule__repeat">
              <fieldset className="schedule__weekdays">
                <legend>On</legend>
                {draft.weekdays.length === 0 && (
                  <p className="muted choices__hint">
                    None ticked: every {ownDay}, the day of the first session.
                  </p>
                )}
                <div className="schedule__days">
                  {(Object.keys(weekdayNames) as Array<keyof typeof weekdayNames>).map((day) => (
                    <label key={day} className="schedule__day">
                      <input
                        type="checkbox"
                        checked={draft.weekdays.includes(day)}
                        onChange={(e) => onChange((d) => withWeekday(d, day, e.target.checked))}
                      />
                      <span aria-hidden="true">{weekdayNames[day].slice(0, 3)}</span>
                      <span className="visually-hidden">{weekdayNames[day]}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <fieldset className="schedule__ends">
                <legend>Ends</legend>
                <div className="schedule__end">
                  <label className="schedule__radio">
                    <input
                      type="radio"
                      name="session-ends"
                      checked={draft.ends === 'weeks'}
                      onChange={() => set({ ends: 'weeks' })}
                    />
                    After a number of weeks
                  </label>
                  <div className="schedule__inline">
                    <label className="visually-hidden" htmlFor="session-weeks">
                      How many weeks
                    </label>
                    <input
                      id="session-weeks"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={53}
                      value={draft.weeks}
                      disabled={draft.ends !== 'weeks'}
                      aria-invalid={repeat && draft.ends === 'weeks' ? true : undefined}
                      onChange={(e) => set({ weeks: e.target.value })}
                    />
                    <span aria-hidden="true">weeks</span>
                  </div>
                </div>
                <div className="schedule__end">
                  <label className="schedule__radio">
                    <input
                      type="radio"
                      name="session-ends"
                      checked={draft.ends === 'until'}
                      onChange={() => set({ ends: 'until' })}
                    />
                    Until a chosen day
                  </label>
                  <div className="schedule__inline">
                    <label className="visually-hidden" htmlFor="session-until">
                      Last session on
                    </label>
                    <input
                      id="session-until"
                      type="date"
                      value={draft.until}
                      disabled={draft.ends !== 'until'}
                      aria-invalid={repeat && draft.ends === 'until' ? true : undefined}
                      onChange={(e) => set({ until: e.target.value })}
                    />
                  </div>
                </div>
                {repeat && <p className="field__error">{repeat}</p>}
              </fieldset>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
