import type { FieldErrors } from '../ui/field-errors';
import { FieldError } from './FieldError';
import type { PolicyDraft } from './policy-form';

type TextsDraft = Pick<
  PolicyDraft,
  'noticeText' | 'agreementText' | 'organisationName' | 'organisationContact'
>;

interface PolicyTextsProps {
  draft: TextsDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<TextsDraft>) => void;
}

/** The two texts people read: the notice before every call and prompt, and the guardians' agreement. */
export function PolicyTexts({ draft, errors, onChange }: PolicyTextsProps) {
  return (
    <>
      <TextArea
        id="organisation-name"
        label="Organisation name"
        rows={1}
        value={draft.organisationName}
        error={errors.organisationName}
        hint="Families read it at the top of the Policy page and in what guardians agree to."
        onChange={(organisationName) => onChange({ organisationName })}
      />
      <TextArea
        id="organisation-contact"
        label="How families contact you"
        rows={2}
        value={draft.organisationContact}
        error={errors.organisationContact}
        hint="An e-mail address, a phone number or a postal address, shown on the Policy page for questions, complaints and requests."
        onChange={(organisationContact) => onChange({ organisationContact })}
      />
      <TextArea
        id="notice-text"
        label="Recording notice"
        rows={5}
        value={draft.noticeText}
        error={errors.noticeText}
        hint="Shown before joining and in every consent prompt. People are asked under the version in force when a recording is requested: saving changes what later requests show, never what someone already agreed to."
        onChange={(noticeText) => onChange({ noticeText })}
      />
      <TextArea
        id="agreement-text"
        label="Online tutoring and recording policy"
        rows={10}
        value={draft.agreementText}
        error={errors.agreementText}
        hint="Guardians read and agree to this before enrolling a child; their agreement records the version they read."
        onChange={(agreementText) => onChange({ agreementText })}
      />
    </>
  );
}

interface TextAreaProps {
  id: string;
  label: string;
  rows: number;
  value: string;
  hint: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function TextArea({ id, label, rows, value, hint, error, onChange }: TextAreaProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="admin__hint muted" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={id} error={error} />
    </div>
  );
}
