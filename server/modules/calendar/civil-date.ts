/**
 * Civil (wall-calendar) dates as integer day numbers, and Vietnam time as a fixed UTC+7 offset.
 *
 * Why integers: every calendar computation in this module is done on "days since 1970-01-01" and on
 * milliseconds, never through `Date`'s local-time getters, so the server's TZ setting cannot shift a deadline.
 * Vietnam has had no daylight-saving time since 1975, so a fixed offset is exact for the years we handle.
 */
import { CalendarError } from './errors.ts';

/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;
/** Milliseconds in a minute. */
export const MS_PER_MINUTE = 60_000;
/** Vietnam's offset from UTC in milliseconds (UTC+7, no DST). */
export const VN_OFFSET_MS = 7 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number (days since 1970-01-01) of a proleptic-Gregorian civil date.
 * Does not validate; use `parseIsoDate` for untrusted input.
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  // Date.UTC handles the Gregorian rules; dividing exact multiples of a day is exact.
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * Parses a strict 'YYYY-MM-DD' string into a day number.
 * @throws CalendarError INVALID_DATE when malformed or not a real date (e.g. '2025-02-29').
 */
export function parseIsoDate(iso: string): number {
  const m = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!m) throw new CalendarError('INVALID_DATE', `Not a YYYY-MM-DD date: ${String(iso)}`, { value: iso });
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dn = dayNumberOf(y, mo, d);
  // A round trip rejects 2025-02-30 (Date.UTC would silently roll it over to March).
  const back = civilFromDayNumber(dn);
  if (back.year !== y || back.month !== mo || back.day !== d) {
    throw new CalendarError('INVALID_DATE', `No such date: ${iso}`, { value: iso });
  }
  return dn;
}

/** Year, month (1–12) and day of a day number. */
export function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const dt = new Date(dayNumber * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** 'YYYY-MM-DD' of a day number. */
export function isoFromDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week of a day number, JavaScript convention: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps pre-1970 days positive.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day number of the Vietnam-local civil date containing the UTC instant `ms`. */
export function vnDayNumberOfInstant(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
}

/** UTC instant (ms) of Vietnam-local midnight starting the given day number. */
export function vnMidnightMs(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - VN_OFFSET_MS;
}

/**
 * Parses 'HH:MM' (00:00–24:00) into minutes after midnight.
 * @throws CalendarError INVALID_CONFIG when malformed.
 */
export function parseClock(hhmm: string, what: string): number {
  const m = typeof hhmm === 'string' ? /^(\d{2}):(\d{2})$/.exec(hhmm) : null;
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new CalendarError('INVALID_CONFIG', `${what}: not an HH:MM clock time: ${String(hhmm)}`, { value: hhmm, what });
  }
  return minutes;
}

/** 'HH:MM' of a number of milliseconds after midnight (seconds are dropped: slips print minutes). */
export function clockOfMs(msOfDay: number): string {
  const minutes = Math.floor(msOfDay / MS_PER_MINUTE);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
