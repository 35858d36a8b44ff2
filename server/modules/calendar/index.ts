/**
 * Public face of the calendar module: Vietnamese lunar calendar, statutory holidays and yearly schedules as data,
 * the working-time engine and its explanations. Pure: no database, no HTTP, no clock, no time-zone setting.
 * `deadlineRuleError` turns an engine error into the platform's DEADLINE_RULE problem, its sentence in vi/en/fr:
 * `if (isCalendarError(err)) throw deadlineRuleError(err)`.
 */
export { CalendarError, isCalendarError, type CalendarErrorCode } from './errors.ts';
export { deadlineRuleError, messageOf as calendarErrorMessage } from './calendar.errors.ts';
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  leapMonthOfLunarYear,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
  type LunarDate,
} from './lunar.ts';
export {
  DEFAULT_HOLIDAY_RULES,
  generateYearCalendar,
  type CalendarEntry,
  type CalendarEntryKind,
  type GenerateOptions,
  type HolidayRule,
  type HolidayRuleKind,
  type LocalizedText,
  type RuleOverride,
  type ScheduleDay,
  type YearlySchedule,
} from './holiday-rules.ts';
export { OFFICIAL_SCHEDULES, officialScheduleFor } from './official-schedules.ts';
export {
  DEFAULT_SESSIONS,
  WorkCalendar,
  addWorkingTime,
  addWorkingTimeMs,
  buildWorkCalendar,
  isWorkingDay,
  isWorkingMoment,
  nextWorkingMoment,
  normalizeStart,
  subtractWorkingTime,
  subtractWorkingTimeMs,
  workingTimeBetween,
  type DurationUnit,
  type SessionSet,
  type SessionSpec,
  type StartOptions,
  type WorkCalendarOptions,
  type WorkDuration,
  type WorkingTimeSpan,
} from './working-time.ts';
export { buildDefaultWorkCalendar, type DefaultCalendarOptions } from './default-calendar.ts';
export { explainCalendarDayDeadline, explainDeadline, type DeadlineExplanation, type ExplainLang } from './explain.ts';
export { MAX_CALENDAR_DAYS, addCalendarDays, computeCalendarDays, type CalendarDayComputation, type CalendarDayOptions } from './calendar-days.ts';
export { describeSessions, diffWorkCalendars, sessionsDiffer, type DayChange, type DayStatus } from './calendar-diff.ts';
