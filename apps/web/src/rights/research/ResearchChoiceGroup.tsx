import type { ResearchChoice, ResearchConsentState, ResearchSeat } from '@assent/shared';
import { useId, useState } from 'react';

// Shared by the dashboard card and the join page, so it stays small and imports nothing heavy.

interface ResearchChoiceGroupProps {
  title: string;
  seat: ResearchSeat;
  save: (choice: ResearchChoice) => Promise<ResearchConsentState>;
}

function savedLine(seat: ResearchSeat): string {
  if (seat.decision === 'agree')
    return 'Saved: yes, this session may be shared for research if everyone agrees.';
  if (seat.decision === 'withdraw')
    return 'Saved: you changed your mind, so this session will not be shared.';
  return 'Saved: no, this session will not be shared for research.';
}

/** "Research sharing for Sam in Algebra": yes or no, saved as soon as it changes. */
export function ResearchChoiceGroup({ title, seat, save }: ResearchChoiceGroupProps) {
  const id = useId();
  const [current, setCurrent] = useState(seat);
  const [status, setStatus] = useState<{ saving?: ResearchChoice; line?: string; error?: string }>({});
  const stands = current.decision === 'none' ? undefined : current.decision === 'agree' ? 'agree' : 'refuse';
  const checked = status.saving ?? stands;

  const choose = (choice: ResearchChoice) => {
    setStatus({ saving: choice });
    save(choice).then(
      (saved) => {
        setCurrent(saved);
        setStatus({ line: savedLine(saved) });
      },
      (error: unknown) =>
        setStatus({
          error: `Not saved. ${error instanceof Error ? error.message : 'Please try again.'}`,
        }),
    );
  };

  const option = (choice: ResearchChoice, label: string) => (
    <label className="research-choice__option">
      <input
        type="radio"
        name={`research-${id}`}
        value={choice}
        checked={checked === choice}
        disabled={status.saving !== undefined}
        onChange={() => choose(choice)}
      />{' '}
      {label}
    </label>
  );

  return (
    // A radiogroup (not a fieldset) so that assistive technology announces it as one choice.
    <div className="research-choice" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="research-choice__legend">
        Research sharing for {seat.name} in {title}
      </p>
      {seat.decidesAs === 'guardian' && (
        <p className="muted research-choice__hint">
          As {seat.name}’s parent or guardian. {seat.name} is asked too: both of you need to say yes.
        </p>
      )}
      {option('agree', 'Yes, share for research')}
      {option('refuse', 'No')}
      <p role="status" className="research-choice__saved">
        {status.error ? '' : (status.line ?? '')}
      </p>
      {status.error && (
        <p role="alert" className="research-choice__error">
          {status.error}
        </p>
      )}
    </div>
  );
}
