import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/columns.ts';
import { units } from '../units/units.schema.ts';

/**
 * The working calendar as data (lịch làm việc). A calendar is assembled from LAYERS: the national layer (unit_id
 * NULL) and, optionally, a layer per unit that needs its own office hours or local days off. A unit uses the
 * layers of itself and its ancestors: rules and yearly entries add up (the nearest layer wins on the same rule or
 * date), office settings come whole from the nearest layer that has them.
 *
 * VERSIONED: every change creates a row of `calendar_versions` (a number shared by all layers). Content rows are
 * never updated in place: a change closes the current row (`to_version`) and inserts a new one (`from_version`),
 * so the calendar of any past version can be rebuilt and a deadline computed then can be explained later.
 * A row is in force at version N when from_version ≤ N and (to_version IS NULL or to_version > N).
 */
export const calendars = pgTable(
  'calendars',
  {
    id: id(),
    /** The unit whose layer this is; NULL for the national layer. */
    unitId: uuid('unit_id').references(() => units.id),
    /** Calendar version in which the layer appeared (it contributes nothing to earlier versions). */
    createdInVersion: integer('created_in_version').notNull(),
    /** Optimistic lock of the layer: each change to the layer's content increments it. */
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('calendars_unit_uq').on(t.unitId),
    // NULLs are distinct in a unique index: this one allows a single national layer.
    uniqueIndex('calendars_national_uq').on(sql`(unit_id IS NULL)`).where(sql`unit_id IS NULL`),
  ],
);

/** One change of the calendar data; the number orders versions installation-wide. Append-only. */
export const calendarVersions = pgTable(
  'calendar_versions',
  {
    /** Random id: the in-memory cache of built calendars is keyed by it (a rolled-back number can be reused). */
    id: id(),
    number: integer('number').notNull(),
    createdAt: createdAt(),
    /** Why the change was made (free text, required), e.g. "Thông báo 9441/TB-BNV". */
    reason: text('reason').notNull(),
    /** Kind of change: seed, entry.add, entry.remove, settings.update, rules.update, import. */
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    requestId: text('request_id'),
    /** The layer changed, and its unit (NULL = national). */
    calendarId: uuid('calendar_id').notNull().references(() => calendars.id),
    unitId: uuid('unit_id'),
    /** The explanation: changed dates (before/after), office-hours change, counts. */
    changes: jsonb('changes').notNull(),
    /** Policy of the changed layer when the change was made: recompute open dossiers' deadlines, or keep them. */
    recomputeOpenDeadlines: boolean('recompute_open_deadlines').notNull(),
  },
  (t) => [uniqueIndex('calendar_versions_number_uq').on(t.number), index('calendar_versions_created_idx').on(t.createdAt)],
);

const fromVersion = () => integer('from_version').notNull();
const toVersion = () => integer('to_version');

/**
 * Office settings of a layer: session sets (possibly seasonal), weekly days off, receipt cut-off, and the policy
 * for open dossiers when the calendar changes. A layer without a current row inherits its parent's settings.
 */
export const calendarSettings = pgTable(
  'calendar_settings',
  {
    id: id(),
    calendarId: uuid('calendar_id').notNull().references(() => calendars.id),
    /** `SessionSet[]` of the engine: [{ name, from?, to?, sessions: [{ start, end }], cutoff? }]. */
    sessionSets: jsonb('session_sets').notNull(),
    /** Weekly days off, 0 = Sunday … 6 = Saturday. */
    weeklyDaysOff: jsonb('weekly_days_off').notNull(),
    /** Receipt cut-off 'HH:MM' (a receipt after it counts from the next working day); NULL = none. Configurable. */
    cutoff: text('cutoff'),
    /** When the calendar changes: true = recompute open dossiers' deadlines; false = keep them (default, §2.5). */
    recomputeOpenDeadlines: boolean('recompute_open_deadlines').notNull().default(false),
    fromVersion: fromVersion(),
    toVersion: toVersion(),
  },
  (t) => [uniqueIndex('calendar_settings_current_uq').on(t.calendarId).where(sql`to_version IS NULL`), index('calendar_settings_calendar_idx').on(t.calendarId)],
);

/** Statutory holiday rules of a layer (`HolidayRule` of the engine), editable by administrators. */
export const calendarHolidayRules = pgTable(
  'calendar_holiday_rules',
  {
    id: id(),
    calendarId: uuid('calendar_id').notNull().references(() => calendars.id),
    ruleId: text('rule_id').notNull(),
    /** { vi, en, fr } */
    names: jsonb('names').notNull(),
    kind: text('kind').notNull(),
    month: integer('month'),
    day: integer('day'),
    dayCount: integer('day_count').notNull(),
    extraDays: text('extra_days'),
    startOffsetDays: integer('start_offset_days'),
    compensateOnWeeklyRest: boolean('compensate_on_weekly_rest').notNull(),
    validFromYear: integer('valid_from_year'),
    validToYear: integer('valid_to_year'),
    source: text('source').notNull(),
    confirmed: boolean('confirmed').notNull(),
    fromVersion: fromVersion(),
    toVersion: toVersion(),
  },
  (t) => [uniqueIndex('calendar_holiday_rules_current_uq').on(t.calendarId, t.ruleId).where(sql`to_version IS NULL`), index('calendar_holiday_rules_calendar_idx').on(t.calendarId)],
);

/** A yearly notice's placement of a rule (Tết block start, side of National Day's adjacent day, explicit dates). */
export const calendarRuleOverrides = pgTable(
  'calendar_rule_overrides',
  {
    id: id(),
    calendarId: uuid('calendar_id').notNull().references(() => calendars.id),
    year: integer('year').notNull(),
    ruleId: text('rule_id').notNull(),
    extraDays: text('extra_days'),
    startOffsetDays: integer('start_offset_days'),
    /** Explicit 'YYYY-MM-DD' dates replacing the computed placement, or NULL. */
    dates: jsonb('dates'),
    source: text('source').notNull(),
    confirmed: boolean('confirmed').notNull(),
    note: text('note'),
    fromVersion: fromVersion(),
    toVersion: toVersion(),
  },
  (t) => [
    uniqueIndex('calendar_rule_overrides_current_uq').on(t.calendarId, t.year, t.ruleId).where(sql`to_version IS NULL`),
    index('calendar_rule_overrides_calendar_idx').on(t.calendarId, t.year),
  ],
);

/**
 * Dated entries of a yearly schedule: an announced day off (a weekday given off, a local day off) or a make-up
 * working day (làm bù), each with its legal document.
 */
export const calendarScheduleDays = pgTable(
  'calendar_schedule_days',
  {
    id: id(),
    calendarId: uuid('calendar_id').notNull().references(() => calendars.id),
    year: integer('year').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'day_off' or 'makeup_working_day'. */
    kind: text('kind').notNull(),
    /** { vi, en, fr } */
    reason: jsonb('reason').notNull(),
    source: text('source').notNull(),
    confirmed: boolean('confirmed').notNull(),
    /** The other date of a swap (documentation only). */
    swapWith: date('swap_with', { mode: 'string' }),
    fromVersion: fromVersion(),
    toVersion: toVersion(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calendar_schedule_days_current_uq').on(t.calendarId, t.date).where(sql`to_version IS NULL`),
    index('calendar_schedule_days_calendar_idx').on(t.calendarId, t.year),
    check('calendar_schedule_days_year', sql`${t.year} = extract(year from ${t.date})`),
    check('calendar_schedule_days_kind', sql`${t.kind} IN ('day_off', 'makeup_working_day')`),
  ],
);
