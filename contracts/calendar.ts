import { z } from 'zod';
import { IsoDate, Text, Uuid } from './common.ts';

/** A clock time 'HH:MM' (00:00–24:00). */
export const Clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM');
/** A day of the year 'MM-DD' (season bounds). */
export const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');
/** A solar year the API accepts; the calendar itself covers a narrower range (see `CALENDAR_YEARS`). */
export const CalendarYear = z.coerce.number().int().min(1900).max(2199);

/** Text in the three interface languages, as stored. */
export const LocalizedText = z.object({ vi: z.string(), en: z.string(), fr: z.string() });
/** Text entered by an administrator: Vietnamese required, English and French default to it. */
export const LocalizedTextInput = z.strictObject({
  vi: Text(300),
  en: z.string().trim().max(300).optional(),
  fr: z.string().trim().max(300).optional(),
});

export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory', 'announced_day_off', 'makeup_working_day'] as const;
export const SCHEDULE_DAY_KINDS = ['day_off', 'makeup_working_day'] as const;
export const DURATION_UNITS = ['working_day', 'working_hour', 'day'] as const;

/** One listed day of a year: a day off (holiday, compensatory, announced) or a make-up working day. */
export const CalendarDay = z.object({
  date: z.string(),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.number(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  /** Reason in the request's language. */
  reason: z.string(),
  /** Legal source. */
  source: z.string(),
  confirmed: z.boolean(),
  /** Holiday rule that produced the day (holidays and compensatory days). */
  ruleId: z.string().nullable(),
  /** Schedule entry (announced days off, make-up days): what DELETE takes. */
  entryId: Uuid.nullable(),
  /** Layer of the schedule entry: null = national, otherwise the unit whose calendar holds it. */
  layerUnitId: Uuid.nullable(),
});

export const SessionSpec = z.strictObject({ start: Clock, end: Clock });
export const SessionSet = z.strictObject({
  name: Text(50),
  from: MonthDay.optional(),
  to: MonthDay.optional(),
  sessions: z.array(SessionSpec).min(1).max(8),
  /** Cut-off of this season; overrides the calendar's; null = none. */
  cutoff: Clock.nullable().optional(),
});

/** Office settings of a calendar layer. */
export const CalendarSettings = z.strictObject({
  sessionSets: z.array(SessionSet).min(1).max(12),
  weeklyDaysOff: z.array(z.number().int().min(0).max(6)).max(7),
  /** Receipt cut-off 'HH:MM' (configurable; default 16:00); null = none. */
  cutoff: Clock.nullable(),
  /** On a calendar change: recompute open dossiers' deadlines (true) or keep them (false, the default). */
  recomputeOpenDeadlines: z.boolean(),
});

const LayerRef = z.object({ unitId: Uuid.nullable(), name: z.string() });

export const YearQuery = z.strictObject({ unitId: Uuid.optional().describe('The unit whose calendar to show (default: the national calendar)') });

export const YearCalendar = z.object({
  year: z.number(),
  unitId: Uuid.nullable(),
  calendarVersion: z.number(),
  /** The layer whose office settings apply. */
  settingsFrom: LayerRef,
  weeklyDaysOff: z.array(z.number()),
  sessions: z.array(z.string()),
  cutoff: z.string().nullable(),
  workingDayCount: z.number(),
  days: z.array(CalendarDay),
});

export const ComputeDeadlineBody = z.strictObject({
  unitId: Uuid,
  /** Receipt instant with its offset, e.g. 2026-02-13T16:10:00+07:00. */
  start: z.iso.datetime({ offset: true }),
  duration: z.strictObject({
    /** Validated by the calendar (≥ 0; halves of working days; whole minutes; whole calendar days). */
    value: z.number(),
    unit: z.enum(DURATION_UNITS),
  }),
  /** For calendar-day limits: do not count public holidays and announced days off. */
  skipListedDaysOff: z.boolean().optional(),
  /** Compute with this calendar version (default: the one in force now). */
  calendarVersion: z.number().int().positive().optional(),
});

export const DeadlineResult = z.object({
  unitId: Uuid,
  /** Due instant (UTC ISO). */
  due: z.string(),
  /** Due moment in Vietnam time, 'YYYY-MM-DD HH:MM'. */
  dueLocal: z.string(),
  steps: z.array(z.string()),
  calendarVersion: z.number(),
});

export const SettingsQuery = z.strictObject({ unitId: Uuid.optional().describe('Default: the national calendar') });

export const SettingsView = z.object({
  unitId: Uuid.nullable(),
  /** True when the unit has its own settings; false when they are inherited. */
  own: z.boolean(),
  inheritedFrom: LayerRef,
  settings: CalendarSettings,
  /** Version of the unit's own layer (0 when it has none yet): send it back with PUT. */
  version: z.number(),
  calendarVersion: z.number(),
});

export const UpdateSettingsBody = z.strictObject({
  unitId: Uuid.nullable(),
  version: z.number().int().min(0),
  changeReason: Text(500),
  /** null = drop the unit's own settings and inherit again (not allowed for the national calendar). */
  settings: CalendarSettings.nullable(),
});

export const ScheduleEntryBody = z.strictObject({
  /** Layer to write to: a unit, or null/absent for the national calendar. */
  unitId: Uuid.nullable().optional(),
  date: IsoDate,
  kind: z.enum(SCHEDULE_DAY_KINDS),
  reason: LocalizedTextInput,
  /** Legal document announcing the day, e.g. "Thông báo 9441/TB-BNV ngày 16/10/2025". */
  source: Text(500),
  confirmed: z.boolean().default(true),
  swapWith: IsoDate.nullable().optional(),
  /** Why the calendar changes (default: the source). */
  changeReason: Text(500).optional(),
  /** The layer version you read (0 = the unit has no layer yet); a mismatch gives 409. */
  version: z.number().int().min(0).optional(),
});

export const ScheduleEntry = z.object({
  id: Uuid,
  unitId: Uuid.nullable(),
  year: z.number(),
  date: z.string(),
  kind: z.enum(SCHEDULE_DAY_KINDS),
  reason: LocalizedText,
  source: z.string(),
  confirmed: z.boolean(),
  swapWith: z.string().nullable(),
});

export const ChangeResult = z.object({
  calendarVersion: z.number(),
  /** The changed layer's new version. */
  version: z.number(),
  changedDates: z.array(z.string()),
  sessionsChanged: z.boolean(),
});

export const AddEntryResult = ChangeResult.extend({ entry: ScheduleEntry });

export const DeleteEntryQuery = z.strictObject({
  version: z.coerce.number().int().min(0).optional(),
  changeReason: z.string().trim().min(1).max(500).optional(),
});

export const RuleOverrideInput = z.strictObject({
  extraDays: z.enum(['before', 'after']).optional(),
  startOffsetDays: z.number().int().min(-30).max(30).optional(),
  dates: z.array(IsoDate).min(1).max(31).optional(),
  source: Text(500),
  confirmed: z.boolean(),
  note: z.string().max(1000).optional(),
});

export const ImportDay = z.strictObject({
  date: IsoDate,
  reason: LocalizedTextInput,
  source: Text(500),
  confirmed: z.boolean().default(true),
  swapWith: IsoDate.nullable().optional(),
});

/** A year's schedule as JSON (the shape of `YearlySchedule`). All or nothing. */
export const ImportBody = z.strictObject({
  unitId: Uuid.nullable().optional(),
  /** replace = the year's entries of the layer become exactly these; merge = add or replace by date. */
  mode: z.enum(['replace', 'merge']).default('replace'),
  changeReason: Text(500),
  version: z.number().int().min(0).optional(),
  ruleOverrides: z.record(z.string().max(50), RuleOverrideInput).optional(),
  daysOff: z.array(ImportDay).max(366).default([]),
  makeUpWorkingDays: z.array(ImportDay).max(366).default([]),
});

export const ImportXlsxQuery = z.strictObject({
  unitId: Uuid.optional(),
  mode: z.enum(['replace', 'merge']).default('replace'),
  changeReason: Text(500),
  version: z.coerce.number().int().min(0).optional(),
});

export const ImportResult = ChangeResult.extend({ daysOff: z.number(), makeUpWorkingDays: z.number(), ruleOverrides: z.number() });

export const HOLIDAY_RULE_KINDS = ['solar', 'lunar', 'lunar_new_year_block'] as const;

export const HolidayRuleInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'lower-case letters, digits and dashes'),
  names: LocalizedTextInput,
  kind: z.enum(HOLIDAY_RULE_KINDS),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  dayCount: z.number().int().min(1).max(31),
  extraDays: z.enum(['before', 'after']).optional(),
  startOffsetDays: z.number().int().min(-30).max(30).optional(),
  compensateOnWeeklyRest: z.boolean(),
  validFromYear: z.number().int().min(1900).max(2199).optional(),
  validToYear: z.number().int().min(1900).max(2199).optional(),
  source: Text(500),
  confirmed: z.boolean(),
});

export const HolidayRule = HolidayRuleInput.extend({
  names: LocalizedText,
  /** Layer the rule comes from (null = national). */
  layerUnitId: Uuid.nullable(),
});

export const RulesView = z.object({
  unitId: Uuid.nullable(),
  /** Rules in force for the unit (all layers merged). */
  rules: z.array(HolidayRule),
  version: z.number(),
  calendarVersion: z.number(),
});

export const UpdateRulesBody = z.strictObject({
  unitId: Uuid.nullable(),
  version: z.number().int().min(0),
  changeReason: Text(500),
  /** The layer's own rules, replacing them all. */
  rules: z.array(HolidayRuleInput).max(50),
});

export const VersionsQuery = z.strictObject({
  unitId: Uuid.optional().describe('Only versions that changed this unit\'s calendar (its layers and the national one)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CalendarVersion = z.object({
  number: z.number(),
  createdAt: z.string(),
  reason: z.string(),
  action: z.string(),
  actorLabel: z.string().nullable(),
  unitId: Uuid.nullable(),
  unitName: z.string().nullable(),
  recomputeOpenDeadlines: z.boolean(),
  changedDateCount: z.number(),
  changedDates: z.array(z.string()),
  sessionsChanged: z.boolean(),
});

export const LunarQuery = z
  .strictObject({
    date: IsoDate.optional().describe('Solar date to convert to the lunar calendar'),
    lunarDay: z.coerce.number().int().min(1).max(30).optional(),
    lunarMonth: z.coerce.number().int().min(1).max(12).optional(),
    lunarYear: z.coerce.number().int().min(1800).max(2199).optional(),
    leap: z.enum(['true', 'false']).optional(),
  })
  .refine((q) => (q.date !== undefined) !== (q.lunarDay !== undefined && q.lunarMonth !== undefined && q.lunarYear !== undefined), {
    message: 'give either date, or lunarDay, lunarMonth and lunarYear',
    path: ['date'],
  });

export const LunarResult = z.object({
  solar: z.string(),
  weekday: z.number(),
  lunar: z.object({ day: z.number(), month: z.number(), year: z.number(), leap: z.boolean() }),
  /** Name of the lunar year in the sexagenary cycle, e.g. "Bính Ngọ". */
  yearName: z.string(),
  /** "mùng 1 tháng Giêng năm Bính Ngọ" style text in the request's language. */
  text: z.string(),
});

export type CalendarDayDto = z.infer<typeof CalendarDay>;
export type YearCalendarDto = z.infer<typeof YearCalendar>;
export type DeadlineResultDto = z.infer<typeof DeadlineResult>;
export type SettingsViewDto = z.infer<typeof SettingsView>;
export type CalendarSettingsDto = z.infer<typeof CalendarSettings>;
export type CalendarVersionDto = z.infer<typeof CalendarVersion>;
export type LunarResultDto = z.infer<typeof LunarResult>;
