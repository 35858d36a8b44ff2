/**
 * One-call assembly of a working calendar from holiday rules and yearly schedules: what the server and the
 * bench use when no administrator-edited data is at hand.
 */
import { DEFAULT_HOLIDAY_RULES, generateYearCalendar, type CalendarEntry, type HolidayRule, type YearlySchedule } from './holiday-rules.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { buildWorkCalendar, type SessionSet, type WorkCalendar } from './working-time.ts';

/** Options of `buildDefaultWorkCalendar`; every field has the national civil-service default. */
export interface DefaultCalendarOptions {
  /** Holiday rules; default `DEFAULT_HOLIDAY_RULES`. */
  rules?: readonly HolidayRule[];
  /** Yearly schedules by year; default `OFFICIAL_SCHEDULES`. Pass `{}` for rules only. */
  schedules?: Readonly<Record<number, YearlySchedule>>;
  /** Extra dated entries appended after the generated ones (e.g. a provincial day off). */
  extraEntries?: readonly CalendarEntry[];
  weeklyDaysOff?: readonly number[];
  sessionSets?: readonly SessionSet[];
  cutoff?: string;
}

/**
 * Generates every year's entries (`generateYearCalendar`) for `fromYear`–`toYear` and builds the calendar.
 * @throws CalendarError as `generateYearCalendar` and `buildWorkCalendar`.
 */
export function buildDefaultWorkCalendar(fromYear: number, toYear: number, options: DefaultCalendarOptions = {}): WorkCalendar {
  const rules = options.rules ?? DEFAULT_HOLIDAY_RULES;
  const schedules = options.schedules ?? OFFICIAL_SCHEDULES;
  const entries: CalendarEntry[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    entries.push(...generateYearCalendar(rules, y, schedules[y], { weeklyRestDays: options.weeklyDaysOff }));
  }
  if (options.extraEntries) entries.push(...options.extraEntries);
  return buildWorkCalendar({
    fromYear,
    toYear,
    entries,
    weeklyDaysOff: options.weeklyDaysOff,
    sessionSets: options.sessionSets,
    cutoff: options.cutoff,
  });
}
