/**
 * Typed errors of the calendar module.
 *
 * The module is pure (no HTTP, no database), so it does not depend on the platform's `AppError`: the server
 * maps a `CalendarError` to problem+json at its edge (the platform code `DEADLINE_RULE`), keeping `code` and
 * `details` so that a client can tell a malformed date from an out-of-range one.
 */

/** Closed list of the reasons a calendar operation refuses its input. */
export type CalendarErrorCode =
  /** A duration is negative, NaN, infinite, of an unknown unit, or finer than allowed (half days, whole minutes). */
  | 'INVALID_DURATION'
  /** A date or instant is malformed ('2025-02-30', 'yesterday', an invalid `Date`). */
  | 'INVALID_DATE'
  /** A date or a computed result lies outside the years the calendar (or the lunar algorithm) covers. */
  | 'OUT_OF_RANGE'
  /** A year of the calendar would have no working day at all: every deadline would be undefined. */
  | 'NO_WORKING_DAY'
  /** A lunar date does not exist (leap month requested where there is none, day 30 of a 29-day month...). */
  | 'INVALID_LUNAR_DATE'
  /** The calendar configuration is inconsistent (overlapping sessions, unknown season, conflicting day entries). */
  | 'INVALID_CONFIG'
  /** A holiday rule or a yearly schedule is malformed (unknown kind, missing month, bad day count). */
  | 'INVALID_RULE';

/**
 * The one error type thrown by `server/modules/calendar`.
 * `message` is English for logs; `details` carries the offending values for the caller's own message.
 */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: CalendarErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** True when `e` is a `CalendarError`, optionally of the given code (handy in `catch` blocks and tests). */
export function isCalendarError(e: unknown, code?: CalendarErrorCode): e is CalendarError {
  return e instanceof CalendarError && (code === undefined || e.code === code);
}
