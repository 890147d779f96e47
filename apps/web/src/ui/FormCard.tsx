import type { FormEvent, Key, ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { PageHeading } from './PageHeading';

interface FormCardProps {
  /** The heading's id: it names the card and its form. */
  headingId: string;
  title: ReactNode;
  /** `page`: the page's own h1 (focused after in-app navigation); `section` (default): an h2. */
  level?: 'page' | 'section';
  className?: string;
  /** Between the heading and the form: what the form does, the last outcome. */
  before?: ReactNode;
  /** First inside the form, above any failure. */
  intro?: ReactNode;
  /** The last refusal in words; a new `failureKey` announces a repeated one again. */
  failure?: { title: string; detail: string } | null | undefined;
  failureKey?: Key;
  /** More in the failure alert: a way out, problems that belong to no field. */
  failureMore?: ReactNode;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  busy: boolean;
  submitClassName?: string;
  /** Shown instead of the form once it has done its work (a link sent, a session created). */
  replacedBy?: ReactNode;
  /** After the form, inside the card. */
  after?: ReactNode;
  /** The fields. */
  children: ReactNode;
}

/**
 * The form shell the signed-in pages share: a card named by its heading, a form named by it too, the
 * last refusal as an alert that takes focus, the fields, and one submit button busy while sending.
 */
export function FormCard({
  headingId,
  title,
  level = 'section',
  className = 'card',
  before,
  intro,
  failure,
  failureKey,
  failureMore,
  onSubmit,
  submitLabel,
  busy,
  submitClassName = 'button button--primary',
  replacedBy,
  after,
  children,
}: FormCardProps) {
  return (
    <section className={className} aria-labelledby={headingId}>
      {level === 'page' ? <PageHeading id={headingId}>{title}</PageHeading> : <h2 id={headingId}>{title}</h2>}
      {replacedBy ?? (
        <>
          {before}
          <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
            {intro}
            {failure && (
              <ErrorAlert key={failureKey} title={failure.title} focusOnMount>
                <p>{failure.detail}</p>
                {failureMore}
              </ErrorAlert>
            )}
            {children}
            <div className="actions">
              <button type="submit" className={submitClassName} disabled={busy} aria-busy={busy}>
                {submitLabel}
              </button>
            </div>
          </form>
        </>
      )}
      {after}
    </section>
  );
}
