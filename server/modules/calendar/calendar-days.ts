/**
 * Calendar-day time limits ("… ngày" rather than "… ngày làm việc"): some procedures count plain days. The rule of
 * the reference engine (deadlines.md §2): the receipt is normalised as for working time (cut-off, closing,
 * day off), N calendar days are added at the same time of day, listed days off (holidays, compensatory and
 * announced days) are optionally not counted, and a due date falling on a non-working day is pushed to the next
 * working day, same time of day.
 */
import { CalendarError } from './errors.ts';
import { MS_PER_DAY, VN_OFFSET_MS, isoFromDayNumber, vnDayNumberOfInstant, vnMidnightMs } from './civil-date.ts';
import { nextWorkingMoment, normalizeStart, type WorkCalendar } from './working-time.ts';

/** Options of `addCalendarDays`. */
export interface CalendarDayOptions {
  /** Apply the receipt cut-off to the start (default true, as for working time). */
  applyCutoff?: boolean;
  /** Do not count listed days off (holidays, compensatory, announced days off); weekends still count. Default false. */
  skipListedDaysOff?: boolean;
}

/** Largest calendar-day limit accepted (ten years): beyond it the input is surely a typing error. */
export const MAX_CALENDAR_DAYS = 3660;

/** The computation behind `addCalendarDays`, with what an explanation needs. */
export interface CalendarDayComputation {
  due: Date;
  /** The normalised start of the count. */
  start: Date;
  /** Listed days off not counted ('YYYY-MM-DD'), when `skipListedDaysOff`. */
  skipped: string[];
  /** The non-working date the due date fell on before it was pushed, or null. */
  pushedFrom: string | null;
}

const OFF = new Set(['holiday', 'compensatory', 'announced_day_off']);

function outOfRange(cal: WorkCalendar, what: string): CalendarError {
  return new CalendarError('OUT_OF_RANGE', `${what} is outside the calendar (${cal.fromYear}-01-01 – ${cal.toYear}-12-31)`, {
    fromYear: cal.fromYear,
    toYear: cal.toYear,
  });
}

/**
 * Computes a calendar-day due moment and the facts of the computation (see `addCalendarDays`).
 * @throws CalendarError INVALID_DATE, INVALID_DURATION (not a whole number of days in 0–3660), OUT_OF_RANGE.
 */
export function computeCalendarDays(cal: WorkCalendar, start: Date, days: number, options: CalendarDayOptions = {}): CalendarDayComputation {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > MAX_CALENDAR_DAYS) {
    throw new CalendarError('INVALID_DURATION', `Calendar days must be a whole number from 0 to ${MAX_CALENDAR_DAYS}: ${String(days)}`, { value: days, unit: 'day' });
  }
  const s = normalizeStart(cal, start, { applyCutoff: options.applyCutoff ?? true });
  const startDay = vnDayNumberOfInstant(s.getTime());
  const timeOfDay = s.getTime() + VN_OFFSET_MS - startDay * MS_PER_DAY;
  const skipped: string[] = [];
  let d = startDay;
  if (options.skipListedDaysOff) {
    for (let counted = 0; counted < days; ) {
      d++;
      if (d - cal.firstDay >= cal.dayCount) throw outOfRange(cal, 'The result');
      const e = cal.entries.get(d);
      if (e && OFF.has(e.kind)) skipped.push(isoFromDayNumber(d));
      else counted++;
    }
  } else d += days;
  const k = d - cal.firstDay;
  if (k >= cal.dayCount) throw outOfRange(cal, 'The result');
  let pushedFrom: string | null = null;
  if (cal.isWorking[k] === 0) {
    const i = cal.nextWork[k];
    if (i >= cal.workCount) throw outOfRange(cal, 'The next working day after the result');
    pushedFrom = isoFromDayNumber(d);
    d = cal.workDay[i];
  }
  // Same time of day on the due date; nextWorkingMoment only acts when a season change moved the sessions.
  const due = nextWorkingMoment(cal, new Date(vnMidnightMs(d) + timeOfDay));
  return { due, start: s, skipped, pushedFrom };
}

/**
 * Due moment of a limit of `days` calendar days counted from the receipt `start`.
 * @example addCalendarDays(cal, new Date('2025-03-10T09:00:00+07:00'), 5) // Sat 15/3 is not worked → Mon 17/3 09:00
 * @throws CalendarError INVALID_DATE, INVALID_DURATION, OUT_OF_RANGE.
 */
export function addCalendarDays(cal: WorkCalendar, start: Date, days: number, options?: CalendarDayOptions): Date {
  return computeCalendarDays(cal, start, days, options).due;
}
