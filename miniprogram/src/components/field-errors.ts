import { ERRORS, type ErrorCode, type ErrorDetail } from '@alumni/shared';
import { useCallback, useState } from 'react';
import { ApiError, showingErrorsInline } from '../api/request';

/**
 * The one way a form shows why saving failed (issue 16: one error message at a time, next to
 * the field): the server's error body names the offending field in `details[].field` (a dotted
 * path); the form maps paths to its own fields, and the message shows under that field
 * (<FieldError>) instead of a toast. An error that names none of the form's fields stays the
 * request wrapper's single toast.
 */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Which of the form's fields a server path means (`bio`, `visibility.bio`, `answers.q1`), or null. */
export type FieldOf<F extends string> = (path: string) => F | null;

/** A FieldOf for forms whose fields are the body's top-level keys: `visibility.bio` is `bio`'s too. */
export function topLevelFieldOf<F extends string>(fields: readonly F[]): FieldOf<F> {
  return (path) => {
    const parts = path.split('.');
    const named = fields.find((f) => f === parts[0]) ?? fields.find((f) => parts.length > 1 && f === parts[parts.length - 1]);
    return named ?? null;
  };
}

/**
 * The messages a failed save puts next to the form's fields; null when the error names none
 * of them (or is no API error). The message is the server's (Chinese) one for its code; for
 * VALIDATION_FAILED, whose catalogue message is generic, the form's own words for the field
 * (`messages`) read better.
 */
export function fieldErrorsFrom<F extends string>(
  error: unknown,
  fieldOf: FieldOf<F>,
  messages: FieldErrors<F> = {},
): FieldErrors<F> | null {
  if (!(error instanceof ApiError)) return null;
  const found: FieldErrors<F> = {};
  for (const detail of error.details as ErrorDetail[]) {
    const field = detail.field === undefined ? null : fieldOf(detail.field);
    if (field === null || found[field] !== undefined) continue;
    const generic = error.code === 'VALIDATION_FAILED' || error.message === '';
    found[field] =
      (generic ? messages[field] : undefined) ?? (error.message || ERRORS[error.code as ErrorCode]?.message) ?? messages[field];
  }
  return Object.keys(found).length > 0 ? found : null;
}

/**
 * A form's server errors by field. `submit(run)` runs a save: an error naming one of the form's
 * fields is shown next to it (and not toasted); the error is rethrown for the page to stop on.
 * `clear(field)` when the person edits the field; `show` for the form's own checks, so the
 * page has one place for every message under a field.
 */
export function useFieldErrors<F extends string>(fieldOf: FieldOf<F>, messages?: FieldErrors<F>) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const submit = useCallback(
    async <T>(run: () => Promise<T>): Promise<T> => {
      setErrors({});
      try {
        return await showingErrorsInline((error) => fieldErrorsFrom(error, fieldOf) !== null, run);
      } catch (error) {
        setErrors(fieldErrorsFrom(error, fieldOf, messages) ?? {});
        throw error;
      }
    },
    [fieldOf, messages],
  );
  const clear = useCallback(
    (field: F) =>
      setErrors((current) => {
        if (current[field] === undefined) return current;
        const next = { ...current };
        delete next[field];
        return next;
      }),
    [],
  );
  const show = useCallback((next: FieldErrors<F>) => setErrors(next), []);
  return { errors, submit, clear, show };
}
