import type { FieldIssue } from '../api/client';

/** Field errors keyed by the request path, normalised to dots: `guests.0.name`; `form` for the whole. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFrom(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '') || 'form';
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The errors no field on the form shows, so they are said at the top rather than lost. */
export function unplacedErrors(errors: FieldErrors, shown: (path: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shown(path))
    .map(([, message]) => message);
}
