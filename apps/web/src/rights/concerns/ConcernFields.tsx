import type { ConcernCategory } from '@assent/shared';
import { useId } from 'react';
import { categories, categoryLabels } from './concern-words';

export interface ConcernDraft {
  category: ConcernCategory | '';
  description: string;
}

export const emptyDraft: ConcernDraft = { category: '', description: '' };

interface ConcernFieldsProps {
  draft: ConcernDraft;
  onChange: (draft: ConcernDraft) => void;
  disabled?: boolean;
}

/** What the report is about and what happened: the same two questions in the call and afterwards. */
export function ConcernFields({ draft, onChange, disabled = false }: ConcernFieldsProps) {
  const id = useId();
  return (
    <>
      <div className="concern-fields__choices" role="radiogroup" aria-labelledby={`${id}-legend`}>
        <p id={`${id}-legend`} className="concern-fields__legend">
          What is it about?
        </p>
        {categories.map((category) => (
          <label key={category} className="concern-fields__choice">
            <input
              type="radio"
              name={`${id}-category`}
              value={category}
              checked={draft.category === category}
              disabled={disabled}
              required
              onChange={() => onChange({ ...draft, category })}
            />
            <span>{categoryLabels[category]}</span>
          </label>
        ))}
      </div>
      <label htmlFor={`${id}-description`} className="concern-fields__label">
        What happened
      </label>
      <textarea
        id={`${id}-description`}
        className="concern-fields__text"
        value={draft.description}
        maxLength={4000}
        rows={5}
        required
        disabled={disabled}
        onChange={(e) => onChange({ ...draft, description: e.target.value })}
      />
    </>
  );
}

/** Whether the draft can be sent: a choice made and something written. */
export function draftReady(draft: ConcernDraft): draft is { category: ConcernCategory; description: string } {
  return draft.category !== '' && draft.description.trim().length > 0;
}
