import type { FieldIssue } from '../api/client';

/** zod's issues (array paths) in the API's shape (dotted paths), so one reader handles both. */
export function issuesOf(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Props that tie an input to its error message, for `aria-invalid` and `aria-describedby`. */
export function errorProps(id: string, error: string | undefined) {
  return error
    ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` }
    : { 'aria-invalid': undefined, 'aria-describedby': undefined };
}
