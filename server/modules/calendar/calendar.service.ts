/**
 * Use cases of the working calendar: read a year, compute a deadline, read and change the data (settings, rules,
 * yearly schedule entries, imports), list versions. Every change runs `changeCalendar`: one transaction that
 * writes the new rows, rebuilds and validates every calendar that depends on the changed layer (nothing is
 * stored when one would break), records a new calendar version with the changed dates, writes the audit row, and
 * fires `onCalendarChanged` after COMMIT. Stored deadlines are never touched here.
 *
 * Other modules use `getWorkCalendarFor` (re-exported here) and `onCalendarChanged`; never the repository.
 */
import type { z } from 'zod';
import type {
  ComputeDeadlineBody,
  DeleteEntryQuery,
  ImportBody,
  LunarQuery,
  ScheduleEntryBody,
  UpdateRulesBody,
  UpdateSettingsBody,
  VersionsQuery,
} from '../../../contracts/calendar.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { AppError, conflict, forbidden, notFound, ruleViolated, type FieldError } from '../../platform/errors.ts';
import { displayDate } from '../../platform/clock.ts';
import type { Lang } from '../../platform/messages.ts';
import { subtreeIds, type Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { diffWorkCalendars, describeSessions, sessionsDiffer, type DayChange } from './calendar-diff.ts';
import { MS_PER_DAY, VN_OFFSET_MS, dayNumberOf, isoFromDayNumber, weekdayOf } from './civil-date.ts';
import { CalendarError } from './errors.ts';
import { explainCalendarDayDeadline, explainDeadline } from './explain.ts';
import type { HolidayRule, LocalizedText } from './holiday-rules.ts';
import { lunarToSolar, solarToLunar } from './lunar.ts';
import { isWorkingDay } from './working-time.ts';
import {
  CALENDAR_YEARS,
  buildCalendarAt,
  getWorkCalendarFor,
  resolveCalendarAtVersion,
  type EffectiveSettings,
  type ResolvedCalendar,
} from './calendar.builder.ts';
import { deadlineRuleError, fieldProblems, invalidField, unknownUnit, withCalendarField } from './calendar.errors.ts';
import { CALENDAR_REFUSALS } from './calendar.messages.ts';
import { emitCalendarChanged, type CalendarChangedEvent } from './calendar.events.ts';
import {
  bumpCalendarVersion,
  closeRows,
  findCalendarById,
  findCalendarOfUnit,
  findCurrentDaysOfYear,
  findCurrentOverridesOfYear,
  findCurrentRules,
  findCurrentScheduleDay,
  findCurrentScheduleDayOn,
  findCurrentSettings,
  findLatestVersion,
  findLayerChain,
  findUnitLayers,
  findUnitName,
  findVersionByNumber,
  insertCalendar,
  insertOverrides,
  insertRules,
  insertScheduleDays,
  insertSettings,
  insertVersion,
  listVersions,
  lockNationalCalendar,
  type CalendarRow,
  type ScheduleDayRow,
} from './calendar.repository.ts';
import { calendarHolidayRules, calendarRuleOverrides, calendarScheduleDays, calendarSettings } from './calendar.schema.ts';
import { ruleValues } from './calendar.seed.ts';

export { getWorkCalendarFor, CALENDAR_YEARS, type ResolvedCalendar } from './calendar.builder.ts';
export { onCalendarChanged, type CalendarChangedEvent } from './calendar.events.ts';
export { seedCalendar, DEFAULT_CALENDAR_SETTINGS } from './calendar.seed.ts';

// --- helpers -----------------------------------------------------------------------------------------------------

const localized = (r: { vi: string; en?: string; fr?: string }): LocalizedText => ({ vi: r.vi, en: r.en || r.vi, fr: r.fr || r.vi });

/** 'YYYY-MM-DD HH:MM' in Vietnam time. */
export function vnLocal(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

async function requireUnitExists(db: Db, unitId: string | null | undefined, field = 'unitId'): Promise<void> {
  if (unitId && (await findUnitName(db, unitId)) === undefined) throw unknownUnit(field);
}

/** The national layer needs installation-wide calendar.write; a unit layer, calendar.write on that unit. */
async function authorizeLayer(ctx: Context, unitId: string | null): Promise<void> {
  if (unitId === null) {
    if (!(await ctx.scope('calendar.write')).all) throw forbidden(CALENDAR_REFUSALS.nationalByGlobalAdmin);
    return;
  }
  await ctx.requireUnit('calendar.write', unitId);
}

function outOfCalendar(year: number, field: string): AppError {
  return deadlineRuleError(
    new CalendarError('OUT_OF_RANGE', `Year ${year} is outside the calendar (${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to})`, { value: year, fromYear: CALENDAR_YEARS.from, toYear: CALENDAR_YEARS.to }),
    field,
  );
}

function checkYear(year: number, field = 'year'): void {
  if (year < CALENDAR_YEARS.from || year > CALENDAR_YEARS.to) throw outOfCalendar(year, field);
}

const inYear = (date: string, year: number) => date.startsWith(`${year}-`);

function notInYearError(field: string, year: number): FieldError {
  return {
    field,
    code: 'not_in_year',
    message: { vi: `Ngày phải thuộc năm ${year}`, en: `The date must be in ${year}`, fr: `La date doit être en ${year}` },
  };
}

// --- the change runner ---------------------------------------------------------------------------------------------

/** Result of a change, as the API returns it. */
export interface ChangeOutcome {
  calendarVersion: number;
  version: number;
  changedDates: string[];
  sessionsChanged: boolean;
}

interface ChangeSpec<T> {
  unitId: string | null;
  /** Layer version the caller read (0 = no layer yet); undefined = no check. */
  expectedVersion?: number;
  action: string;
  reason: string;
  /** Which request field a calendar error of the rebuilt calendar is about. */
  fieldOf: (e: CalendarError) => string;
  apply: (tx: Tx, layer: CalendarRow, n: number) => Promise<{ before: unknown; after: unknown; result: T }>;
}

/** Audit and version rows keep at most this many changed dates (the count is always exact). */
const MAX_LISTED_DATES = 1000;
const MAX_DETAILED_DATES = 100;

function summarizeChanges(dates: DayChange[], sessionsChanged: boolean, sessionsBefore: string[], sessionsAfter: string[]) {
  return {
    changedDateCount: dates.length,
    changedDates: dates.slice(0, MAX_LISTED_DATES).map((d) => d.date),
    truncated: dates.length > MAX_LISTED_DATES,
    details: dates.slice(0, MAX_DETAILED_DATES),
    sessionsChanged,
    ...(sessionsChanged ? { sessionsBefore, sessionsAfter } : {}),
  };
}

async function changeCalendar<T>(database: Database, ctx: Context, spec: ChangeSpec<T>): Promise<{ result: T; change: ChangeOutcome }> {
  await authorizeLayer(ctx, spec.unitId);
  return database.transaction(async (tx) => {
    // The national layer row is the mutex of calendar changes: version numbers stay consecutive.
    if (!(await lockNationalCalendar(tx.db))) throw new AppError('NOT_FOUND', { detail: 'the calendar is not seeded', params: { what: 'calendar' } });
    const previous = (await findLatestVersion(tx.db))!;
    const n = previous.number + 1;
    const before = await resolveCalendarAtVersion(tx.db, spec.unitId, previous);

    let layer = await findCalendarOfUnit(tx.db, spec.unitId);
    const layerVersion = layer?.version ?? 0;
    if (spec.expectedVersion !== undefined && spec.expectedVersion !== layerVersion) {
      throw conflict(CALENDAR_REFUSALS.staleVersion, { current: layerVersion, sent: spec.expectedVersion });
    }
    if (!layer) layer = await insertCalendar(tx.db, spec.unitId, n);
    const bumped = await bumpCalendarVersion(tx.db, layer.id, layer.version);
    if (!bumped) throw conflict(CALENDAR_REFUSALS.changedMeanwhile);

    const applied = await spec.apply(tx, bumped, n);

    // Rebuild this calendar and every calendar below the changed layer: nothing is stored if one breaks.
    const after = await withCalendarField(spec.fieldOf, () => buildCalendarAt(tx.db, spec.unitId, n));
    const below = spec.unitId === null ? null : new Set(await subtreeIds(tx.db, [spec.unitId]));
    for (const l of await findUnitLayers(tx.db)) {
      if (l.unitId === spec.unitId || (below && !below.has(l.unitId!))) continue;
      await withCalendarField(spec.fieldOf, () => buildCalendarAt(tx.db, l.unitId, n));
    }

    const dates = diffWorkCalendars(before.work, after.work);
    const sessionsChanged = sessionsDiffer(before.work, after.work);
    const changes = summarizeChanges(dates, sessionsChanged, describeSessions(before.work), describeSessions(after.work));
    const recompute = after.definition.settings.recomputeOpenDeadlines;
    await insertVersion(tx.db, {
      number: n,
      reason: spec.reason,
      action: spec.action,
      actorId: ctx.actor.userId,
      actorLabel: ctx.actor.label,
      requestId: ctx.actor.requestId,
      calendarId: bumped.id,
      unitId: spec.unitId,
      changes,
      recomputeOpenDeadlines: recompute,
    });
    await recordAudit(tx, ctx.actor, {
      action: `calendar.${spec.action}`,
      subjectType: 'calendar',
      subjectId: bumped.id,
      unitId: spec.unitId,
      before: applied.before,
      after: { ...(applied.after as object), explanation: { calendarVersion: n, previousVersion: previous.number, reason: spec.reason, recomputeOpenDeadlines: recompute, ...changes } },
    });
    const event: CalendarChangedEvent = {
      version: n,
      previousVersion: previous.number,
      action: spec.action,
      reason: spec.reason,
      calendarId: bumped.id,
      unitId: spec.unitId,
      changedDates: dates.map((d) => d.date),
      sessionsChanged,
      recomputeOpenDeadlines: recompute,
      actor: ctx.actor,
      at: new Date(),
    };
    tx.afterCommit(() => emitCalendarChanged(event));
    return { result: applied.result, change: { calendarVersion: n, version: bumped.version, changedDates: event.changedDates, sessionsChanged } };
  });
}

// --- reads ---------------------------------------------------------------------------------------------------------

async function resolveForRead(db: Db, unitId: string | null, field = 'unitId', at?: { version: number }): Promise<ResolvedCalendar> {
  await requireUnitExists(db, unitId, field);
  if (at && !(await findVersionByNumber(db, at.version))) {
    throw invalidField('calendarVersion', 'not_found', { vi: 'Phiên bản lịch không tồn tại', en: 'No such calendar version', fr: 'Version de calendrier inexistante' });
  }
  return getWorkCalendarFor(db, unitId, at);
}

/**
 * The listed days of a year for a unit (national by default): holidays, compensatory days, announced days off,
 * make-up working days, each with its reason in `lang`, legal source and confirmation flag; and the number of
 * working days of the year.
 */
export async function getYearCalendar(db: Db, lang: Lang, year: number, unitId?: string) {
  checkYear(year);
  const r = await resolveForRead(db, unitId ?? null);
  const prefix = `${year}-`;
  const days = [];
  for (const e of r.work.entries.values()) {
    if (!e.date.startsWith(prefix)) continue;
    const origin = e.kind === 'announced_day_off' || e.kind === 'makeup_working_day' ? r.definition.dayOrigins.get(e.date) : undefined;
    days.push({
      date: e.date,
      weekday: weekdayOf(Date.parse(`${e.date}T00:00:00Z`) / MS_PER_DAY),
      kind: e.kind,
      reason: e.reason[lang],
      source: e.source,
      confirmed: e.confirmed,
      ruleId: e.ruleId ?? null,
      entryId: origin?.entryId ?? null,
      layerUnitId: origin?.unitId ?? null,
    });
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  let workingDayCount = 0;
  for (let dn = dayNumberOf(year, 1, 1), last = dayNumberOf(year, 12, 31); dn <= last; dn++) {
    if (isWorkingDay(r.work, isoFromDayNumber(dn))) workingDayCount++;
  }
  const s = r.definition.settings;
  return {
    year,
    unitId: unitId ?? null,
    calendarVersion: r.version.number,
    settingsFrom: { unitId: r.definition.settingsFrom.unitId, name: r.definition.settingsFrom.unitName ?? nationalName(lang) },
    weeklyDaysOff: s.weeklyDaysOff,
    sessions: describeSessions(r.work),
    cutoff: s.cutoff,
    workingDayCount,
    days,
  };
}

const nationalName = (lang: Lang) => ({ vi: 'Lịch chung toàn quốc', en: 'National calendar', fr: 'Calendrier national' })[lang];

/**
 * Due moment of a time limit for a unit, with the explanation in `lang` and the calendar version used (store it
 * with the deadline). Working days or hours go through `explainDeadline`; calendar days through
 * `explainCalendarDayDeadline`.
 */
export async function computeDeadline(db: Db, lang: Lang, input: z.infer<typeof ComputeDeadlineBody>) {
  const r = await resolveForRead(db, input.unitId, 'unitId', input.calendarVersion ? { version: input.calendarVersion } : undefined);
  const start = new Date(input.start);
  const fieldOf = (e: CalendarError) => (e.code === 'INVALID_DURATION' ? 'duration.value' : 'start');
  const { due, steps } = await withCalendarField(fieldOf, () =>
    input.duration.unit === 'day'
      ? explainCalendarDayDeadline(r.work, start, input.duration.value, lang, { skipListedDaysOff: input.skipListedDaysOff ?? false })
      : explainDeadline(r.work, start, { value: input.duration.value, unit: input.duration.unit }, lang),
  );
  return { unitId: input.unitId, due: due.toISOString(), dueLocal: vnLocal(due), steps, calendarVersion: r.version.number };
}

/** The announced days off and make-up days of a year in a unit's calendar (all layers), as import rows (for the Excel export). */
export async function listYearSchedule(db: Db, year: number, unitId?: string): Promise<Array<Omit<ImportRow, 'field'>>> {
  checkYear(year);
  const r = await resolveForRead(db, unitId ?? null);
  const s = r.definition.schedules[year];
  if (!s) return [];
  return [...s.daysOff.map((d) => ({ d, kind: 'day_off' as const })), ...s.makeUpWorkingDays.map((d) => ({ d, kind: 'makeup_working_day' as const }))]
    .sort((a, b) => a.d.date.localeCompare(b.d.date))
    .map(({ d, kind }) => ({ date: d.date, kind, reason: { ...d.reason }, source: d.source, confirmed: d.confirmed, swapWith: d.swapWith ?? null }));
}

/** Office settings in force for a unit (or the national ones), whether they are its own, and the layer version. */
export async function getSettings(db: Db, lang: Lang, unitId?: string) {
  const r = await resolveForRead(db, unitId ?? null);
  const own = r.layers.find((l) => l.unitId === (unitId ?? null));
  const from = r.definition.settingsFrom;
  return {
    unitId: unitId ?? null,
    own: from.unitId === (unitId ?? null),
    inheritedFrom: { unitId: from.unitId, name: from.unitName ?? nationalName(lang) },
    settings: presentSettings(r.definition.settings),
    version: own?.version ?? 0,
    calendarVersion: r.version.number,
  };
}

function presentSettings(s: EffectiveSettings) {
  return {
    sessionSets: s.sessionSets.map((set) => ({ ...set, sessions: set.sessions.map((x) => ({ start: x.start, end: x.end })) })),
    weeklyDaysOff: [...s.weeklyDaysOff],
    cutoff: s.cutoff,
    recomputeOpenDeadlines: s.recomputeOpenDeadlines,
  };
}

/** Holiday rules in force for a unit (all layers merged), with the layer of each. */
export async function getRules(db: Db, unitId?: string) {
  const r = await resolveForRead(db, unitId ?? null);
  const own = r.layers.find((l) => l.unitId === (unitId ?? null));
  return {
    unitId: unitId ?? null,
    rules: r.definition.rules.map((rule) => ({ ...rule, layerUnitId: r.definition.ruleLayer.get(rule.id) ?? null })),
    version: own?.version ?? 0,
    calendarVersion: r.version.number,
  };
}

/** Calendar versions, newest first; for a unit, the versions of its layers and of the national layer. */
export async function listCalendarVersions(db: Db, q: z.infer<typeof VersionsQuery>) {
  let ids: string[] | null = null;
  if (q.unitId) {
    await requireUnitExists(db, q.unitId);
    const latest = await findLatestVersion(db);
    ids = (await findLayerChain(db, q.unitId, latest?.number ?? 0)).map((l) => l.calendarId);
  }
  const rows = await listVersions(db, ids, q.limit);
  return rows.map(({ v, unitName }) => {
    const c = v.changes as { changedDateCount?: number; changedDates?: string[]; sessionsChanged?: boolean };
    return {
      number: v.number,
      createdAt: v.createdAt.toISOString(),
      reason: v.reason,
      action: v.action,
      actorLabel: v.actorLabel,
      unitId: v.unitId,
      unitName: unitName ?? null,
      recomputeOpenDeadlines: v.recomputeOpenDeadlines,
      changedDateCount: c.changedDateCount ?? 0,
      changedDates: c.changedDates ?? [],
      sessionsChanged: c.sessionsChanged ?? false,
    };
  });
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** Name of a lunar year in the sexagenary cycle (can chi): 2026 → "Bính Ngọ". */
export function lunarYearName(year: number): string {
  return `${STEMS[(((year + 6) % 10) + 10) % 10]} ${BRANCHES[(((year + 8) % 12) + 12) % 12]}`;
}

/** Solar ↔ Vietnamese lunar conversion (UTC+7), with the lunar date in words. */
export function convertLunar(lang: Lang, q: z.infer<typeof LunarQuery>) {
  const leap = q.leap === 'true';
  const fieldOf = (e: CalendarError) => (q.date !== undefined ? 'date' : e.code === 'OUT_OF_RANGE' ? 'lunarYear' : 'lunarDay');
  try {
    const solar = q.date ?? lunarToSolar(q.lunarDay!, q.lunarMonth!, q.lunarYear!, leap);
    const lunar = solarToLunar(solar);
    const yearName = lunarYearName(lunar.year);
    const monthVi = lunar.month === 1 ? 'Giêng' : lunar.month === 12 ? 'Chạp' : String(lunar.month);
    const text = {
      vi: `${lunar.day <= 10 ? 'mùng ' : ''}${lunar.day} tháng ${monthVi}${lunar.leap ? ' (nhuận)' : ''} năm ${yearName}`,
      en: `day ${lunar.day} of lunar month ${lunar.month}${lunar.leap ? ' (leap)' : ''}, year ${yearName}`,
      fr: `${lunar.day}e jour du ${lunar.month}e mois lunaire${lunar.leap ? ' (intercalaire)' : ''}, année ${yearName}`,
    }[lang];
    return { solar, weekday: weekdayOf(Date.parse(`${solar}T00:00:00Z`) / MS_PER_DAY), lunar, yearName, text };
  } catch (e) {
    if (e instanceof CalendarError) throw deadlineRuleError(e, fieldOf(e));
    throw e;
  }
}

// --- writes --------------------------------------------------------------------------------------------------------

/** Replaces a layer's office settings (or, with null, drops a unit's own settings so that it inherits again). */
export async function updateSettings(database: Database, ctx: Context, input: z.infer<typeof UpdateSettingsBody>) {
  await requireUnitExists(database.db, input.unitId);
  if (input.unitId === null && input.settings === null) throw ruleViolated(CALENDAR_REFUSALS.nationalKeepsSettings);
  const settings = input.settings ? { ...input.settings, weeklyDaysOff: [...new Set(input.settings.weeklyDaysOff)].sort() } : null;
  const { change } = await changeCalendar(database, ctx, {
    unitId: input.unitId,
    expectedVersion: input.version,
    action: 'settings.update',
    reason: input.changeReason,
    fieldOf: (e) => (e.code === 'NO_WORKING_DAY' ? 'settings.weeklyDaysOff' : e.code === 'INVALID_CONFIG' && /cut-off/.test(e.message) ? 'settings.cutoff' : 'settings.sessionSets'),
    apply: async (tx, layer, n) => {
      const current = await findCurrentSettings(tx.db, layer.id);
      if (current) await closeRows(tx.db, calendarSettings, [current.id], n);
      if (settings) await insertSettings(tx.db, { calendarId: layer.id, ...settings, fromVersion: n });
      const view = (s: typeof current) => (s ? { sessionSets: s.sessionSets, weeklyDaysOff: s.weeklyDaysOff, cutoff: s.cutoff, recomputeOpenDeadlines: s.recomputeOpenDeadlines } : null);
      return { before: { settings: view(current) }, after: { settings }, result: null };
    },
  });
  return change;
}

function presentEntry(row: ScheduleDayRow, unitId: string | null) {
  return {
    id: row.id,
    unitId,
    year: row.year,
    date: row.date,
    kind: row.kind as 'day_off' | 'makeup_working_day',
    reason: row.reason as LocalizedText,
    source: row.source,
    confirmed: row.confirmed,
    swapWith: row.swapWith,
  };
}

/** Adds an announced day off or a make-up working day to a year's schedule of a layer. 409 when the date has one. */
export async function addScheduleEntry(database: Database, ctx: Context, year: number, input: z.infer<typeof ScheduleEntryBody>) {
  const unitId = input.unitId ?? null;
  if (!inYear(input.date, year)) throw fieldProblems('VALIDATION_FAILED', [notInYearError('date', year)], 'date not in the year of the path');
  if (input.swapWith === input.date) throw invalidField('swapWith', 'same_date', { vi: 'Ngày hoán đổi phải khác ngày đã chọn', en: 'The swap date must differ from the date', fr: "La date d'échange doit différer de la date" });
  checkYear(year, 'date');
  await requireUnitExists(database.db, unitId);
  const { result, change } = await changeCalendar(database, ctx, {
    unitId,
    expectedVersion: input.version,
    action: 'entry.add',
    reason: input.changeReason ?? input.source,
    fieldOf: () => 'date',
    apply: async (tx, layer, n) => {
      const existing = await findCurrentScheduleDayOn(tx.db, layer.id, input.date);
      if (existing) throw conflict(existing.kind === 'day_off' ? CALENDAR_REFUSALS.dayOffExists : CALENDAR_REFUSALS.makeupDayExists, { date: displayDate(input.date) });
      const [row] = await insertScheduleDays(tx.db, [
        { calendarId: layer.id, year, date: input.date, kind: input.kind, reason: localized(input.reason), source: input.source, confirmed: input.confirmed, swapWith: input.swapWith ?? null, fromVersion: n },
      ]);
      const entry = presentEntry(row, unitId);
      return { before: null, after: { entry }, result: entry };
    },
  });
  return { ...change, entry: result };
}

/** Removes a schedule entry (it stays in the history of earlier versions). */
export async function removeScheduleEntry(database: Database, ctx: Context, year: number, id: string, q: z.infer<typeof DeleteEntryQuery>) {
  const row = await findCurrentScheduleDay(database.db, id);
  if (!row || row.year !== year) throw notFound('calendar entry');
  const layer = (await findCalendarById(database.db, row.calendarId))!;
  const { change } = await changeCalendar(database, ctx, {
    unitId: layer.unitId,
    expectedVersion: q.version,
    action: 'entry.remove',
    reason: q.changeReason ?? `Xoá ${row.kind === 'day_off' ? 'ngày nghỉ' : 'ngày làm bù'} ${row.date}`,
    fieldOf: () => 'id',
    apply: async (tx, l, n) => {
      const still = await findCurrentScheduleDay(tx.db, id);
      if (!still) throw conflict(CALENDAR_REFUSALS.entryRemovedMeanwhile);
      await closeRows(tx.db, calendarScheduleDays, [id], n);
      return { before: { entry: presentEntry(row, l.unitId) }, after: { entry: null }, result: null };
    },
  });
  return change;
}

/** One row of an import, with the request field it came from (for row-level errors). */
export interface ImportRow {
  field: string;
  date: string;
  kind: 'day_off' | 'makeup_working_day';
  reason: LocalizedText;
  source: string;
  confirmed: boolean;
  swapWith: string | null;
}

/** A year's schedule to import, from JSON or a spreadsheet. */
export interface ImportInput {
  unitId: string | null;
  mode: 'replace' | 'merge';
  changeReason: string;
  version?: number;
  ruleOverrides: z.infer<typeof ImportBody>['ruleOverrides'];
  rows: ImportRow[];
}

/** Rows of the JSON import body, with their fields named as in the body (daysOff.3.date). */
export function rowsOfJsonImport(body: z.infer<typeof ImportBody>): ImportRow[] {
  const row = (list: 'daysOff' | 'makeUpWorkingDays', kind: ImportRow['kind']) => (d: z.infer<typeof ImportBody>['daysOff'][number], i: number): ImportRow => ({
    field: `${list}.${i}`,
    date: d.date,
    kind,
    reason: localized(d.reason),
    source: d.source,
    confirmed: d.confirmed,
    swapWith: d.swapWith ?? null,
  });
  return [...body.daysOff.map(row('daysOff', 'day_off')), ...body.makeUpWorkingDays.map(row('makeUpWorkingDays', 'makeup_working_day'))];
}

/**
 * Imports a year's schedule into a layer, all or nothing: every row is checked first and all row errors are
 * reported together (400, one entry per field); then the whole calendar is rebuilt (422 when, e.g., the year
 * would have no working day). `replace` makes the layer's entries and rule overrides of the year exactly these;
 * `merge` adds them, replacing entries on the same dates and overrides of the same rules.
 */
export async function importYearSchedule(database: Database, ctx: Context, year: number, input: ImportInput) {
  checkYear(year);
  await requireUnitExists(database.db, input.unitId);
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const r of input.rows) {
    if (!inYear(r.date, year)) errors.push(notInYearError(`${r.field}.date`, year));
    const prior = seen.get(r.date);
    if (prior) {
      errors.push({ field: `${r.field}.date`, code: 'duplicate', message: { vi: `Ngày ${r.date} đã có ở ${prior}`, en: `${r.date} is already given at ${prior}`, fr: `Le ${r.date} figure déjà en ${prior}` } });
    } else seen.set(r.date, r.field);
    if (r.swapWith === r.date) errors.push({ field: `${r.field}.swapWith`, code: 'same_date', message: { vi: 'Ngày hoán đổi phải khác ngày đã chọn', en: 'The swap date must differ from the date', fr: "La date d'échange doit différer de la date" } });
  }
  const current = await getWorkCalendarFor(database.db, input.unitId);
  const known = new Set(current.definition.rules.map((r) => r.id));
  for (const ruleId of Object.keys(input.ruleOverrides ?? {})) {
    if (!known.has(ruleId)) errors.push({ field: `ruleOverrides.${ruleId}`, code: 'unknown_rule', message: { vi: `Không có quy tắc ngày nghỉ "${ruleId}"`, en: `No holiday rule "${ruleId}"`, fr: `Aucune règle de jour férié « ${ruleId} »` } });
  }
  if (errors.length) throw fieldProblems('VALIDATION_FAILED', errors, `${errors.length} row error(s); nothing was imported`);

  const overrides = Object.entries(input.ruleOverrides ?? {});
  const { result, change } = await changeCalendar(database, ctx, {
    unitId: input.unitId,
    expectedVersion: input.version,
    action: 'import',
    reason: input.changeReason,
    fieldOf: (e) => (e.code === 'INVALID_RULE' || e.code === 'INVALID_LUNAR_DATE' ? 'ruleOverrides' : e.code === 'INVALID_DATE' ? 'ruleOverrides' : 'daysOff'),
    apply: async (tx, layer, n) => {
      const oldDays = await findCurrentDaysOfYear(tx.db, layer.id, year);
      const oldOverrides = await findCurrentOverridesOfYear(tx.db, layer.id, year);
      const dates = new Set(input.rows.map((r) => r.date));
      const ruleIds = new Set(overrides.map(([id]) => id));
      const closeDays = input.mode === 'replace' ? oldDays : oldDays.filter((d) => dates.has(d.date));
      const closeOverrides = input.mode === 'replace' ? oldOverrides : oldOverrides.filter((o) => ruleIds.has(o.ruleId));
      await closeRows(tx.db, calendarScheduleDays, closeDays.map((d) => d.id), n);
      await closeRows(tx.db, calendarRuleOverrides, closeOverrides.map((o) => o.id), n);
      await insertScheduleDays(
        tx.db,
        input.rows.map((r) => ({ calendarId: layer.id, year, date: r.date, kind: r.kind, reason: r.reason, source: r.source, confirmed: r.confirmed, swapWith: r.swapWith, fromVersion: n })),
      );
      await insertOverrides(
        tx.db,
        overrides.map(([ruleId, o]) => ({
          calendarId: layer.id,
          year,
          ruleId,
          extraDays: o.extraDays ?? null,
          startOffsetDays: o.startOffsetDays ?? null,
          dates: o.dates ?? null,
          source: o.source,
          confirmed: o.confirmed,
          note: o.note ?? null,
          fromVersion: n,
        })),
      );
      const brief = (d: { date: string; kind: string; source: string }) => ({ date: d.date, kind: d.kind, source: d.source });
      return {
        before: { year, mode: input.mode, entries: oldDays.map(brief), ruleOverrides: oldOverrides.map((o) => o.ruleId) },
        after: { year, mode: input.mode, entries: input.rows.map(brief), ruleOverrides: overrides.map(([id]) => id) },
        result: {
          daysOff: input.rows.filter((r) => r.kind === 'day_off').length,
          makeUpWorkingDays: input.rows.filter((r) => r.kind === 'makeup_working_day').length,
          ruleOverrides: overrides.length,
        },
      };
    },
  });
  return { ...change, ...result };
}

/** Replaces a layer's own holiday rules. The rebuilt calendars must still be valid (e.g. no override of a removed rule). */
export async function updateRules(database: Database, ctx: Context, input: z.infer<typeof UpdateRulesBody>) {
  await requireUnitExists(database.db, input.unitId);
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  input.rules.forEach((r, i) => {
    if (ids.has(r.id)) errors.push({ field: `rules.${i}.id`, code: 'duplicate', message: { vi: 'Mã quy tắc bị trùng', en: 'Duplicate rule id', fr: 'Identifiant de règle en double' } });
    ids.add(r.id);
    if (r.validFromYear !== undefined && r.validToYear !== undefined && r.validToYear < r.validFromYear) {
      errors.push({ field: `rules.${i}.validToYear`, code: 'before_valid_from', message: { vi: 'Năm kết thúc trước năm bắt đầu', en: 'End year is before start year', fr: "L'année de fin précède l'année de début" } });
    }
  });
  if (errors.length) throw fieldProblems('VALIDATION_FAILED', errors, 'invalid rules');
  const rules: HolidayRule[] = input.rules.map((r) => ({ ...r, names: localized(r.names) }));
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const { change } = await changeCalendar(database, ctx, {
    unitId: input.unitId,
    expectedVersion: input.version,
    action: 'rules.update',
    reason: input.changeReason,
    fieldOf: (e) => {
      const i = typeof e.details.ruleId === 'string' ? indexOf.get(e.details.ruleId) : undefined;
      return i === undefined ? 'rules' : `rules.${i}`;
    },
    apply: async (tx, layer, n) => {
      const current = await findCurrentRules(tx.db, layer.id);
      await closeRows(tx.db, calendarHolidayRules, current.map((r) => r.id), n);
      await insertRules(tx.db, rules.map((r) => ruleValues(layer.id, r, n)));
      return { before: { rules: current.map((r) => r.ruleId) }, after: { rules }, result: null };
    },
  });
  return change;
}
