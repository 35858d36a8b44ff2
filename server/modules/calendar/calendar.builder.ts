/**
 * From stored rows to the engine's `WorkCalendar`: layer assembly, building, and the in-memory cache.
 *
 * A built calendar depends only on (calendar version, layers of the unit), both immutable once committed, so it
 * is cached under the version's random id and the layer ids: a deadline computation costs one small query (which
 * version is in force) and no building. The cache is bounded (least recently used first out).
 */
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { generateYearCalendar, type CalendarEntry, type HolidayRule, type LocalizedText, type RuleOverride, type ScheduleDay, type YearlySchedule } from './holiday-rules.ts';
import { buildWorkCalendar, type SessionSet, type WorkCalendar } from './working-time.ts';
import {
  findFirstVersion,
  findLatestVersion,
  findLayerChain,
  findUnitName,
  findVersionAt,
  findVersionByNumber,
  loadLayerContent,
  type LayerContent,
  type LayerRow,
  type VersionRow,
} from './calendar.repository.ts';

/**
 * Solar years every stored calendar covers. Dossiers older than 2013 are not expected (the statutory rules are
 * modelled from 2013); extend `to` before 2050 (a migration-free change: calendars are rebuilt from rules).
 */
export const CALENDAR_YEARS = Object.freeze({ from: 2013, to: 2050 });

/** Office settings as the engine needs them, plus the change policy. */
export interface EffectiveSettings {
  sessionSets: SessionSet[];
  weeklyDaysOff: number[];
  cutoff: string | null;
  recomputeOpenDeadlines: boolean;
}

/** Where a schedule entry of the assembled calendar comes from. */
export interface ScheduleDayOrigin {
  entryId: string;
  calendarId: string;
  unitId: string | null;
}

/** Everything the engine is built from, after merging the layers. */
export interface CalendarDefinition {
  rules: HolidayRule[];
  /** Layer unit (null = national) of each rule id. */
  ruleLayer: Map<string, string | null>;
  schedules: Record<number, YearlySchedule>;
  dayOrigins: Map<string, ScheduleDayOrigin>;
  settings: EffectiveSettings;
  settingsFrom: LayerRow;
}

/** A unit's calendar at a version: the built engine calendar and what it was built from. */
export interface ResolvedCalendar {
  /** The engine calendar: pass it to addWorkingTime, explainDeadline… */
  work: WorkCalendar;
  version: { id: string; number: number; createdAt: Date };
  /** The unit asked for (null = national). */
  unitId: string | null;
  layers: LayerRow[];
  definition: CalendarDefinition;
}

const optional = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/**
 * Merges layers (national first, the unit last): rules by id, rule overrides by (year, rule), schedule entries by
 * date — the nearest layer wins — and settings from the nearest layer that has them.
 * @throws AppError INTERNAL-worthy Error when no layer has settings (the national layer always has them).
 */
export function assembleDefinition(layers: LayerRow[], content: LayerContent): CalendarDefinition {
  const depth = new Map(layers.map((l, i) => [l.calendarId, i]));
  const layerOf = new Map(layers.map((l) => [l.calendarId, l]));
  const byDepth = <T extends { calendarId: string }>(rows: T[]) => [...rows].sort((a, b) => depth.get(a.calendarId)! - depth.get(b.calendarId)!);

  const rules = new Map<string, HolidayRule>();
  const ruleLayer = new Map<string, string | null>();
  for (const r of byDepth(content.rules)) {
    rules.set(r.ruleId, {
      id: r.ruleId,
      names: r.names as LocalizedText,
      kind: r.kind as HolidayRule['kind'],
      month: optional(r.month),
      day: optional(r.day),
      dayCount: r.dayCount,
      extraDays: optional(r.extraDays) as HolidayRule['extraDays'],
      startOffsetDays: optional(r.startOffsetDays),
      compensateOnWeeklyRest: r.compensateOnWeeklyRest,
      validFromYear: optional(r.validFromYear),
      validToYear: optional(r.validToYear),
      source: r.source,
      confirmed: r.confirmed,
    });
    ruleLayer.set(r.ruleId, layerOf.get(r.calendarId)!.unitId);
  }

  const overrides = new Map<number, Map<string, RuleOverride>>();
  for (const o of byDepth(content.overrides)) {
    if (!overrides.has(o.year)) overrides.set(o.year, new Map());
    overrides.get(o.year)!.set(o.ruleId, {
      extraDays: optional(o.extraDays) as RuleOverride['extraDays'],
      startOffsetDays: optional(o.startOffsetDays),
      dates: optional(o.dates as string[] | null),
      source: o.source,
      confirmed: o.confirmed,
      note: optional(o.note),
    });
  }

  const days = new Map<string, (typeof content.days)[number]>();
  for (const d of byDepth(content.days)) days.set(d.date, d);
  const dayOrigins = new Map<string, ScheduleDayOrigin>();
  const years = new Set<number>([...overrides.keys()]);
  for (const d of days.values()) {
    years.add(d.year);
    dayOrigins.set(d.date, { entryId: d.id, calendarId: d.calendarId, unitId: layerOf.get(d.calendarId)!.unitId });
  }
  const schedules: Record<number, YearlySchedule> = {};
  for (const year of years) {
    const ofYear = [...days.values()].filter((d) => d.year === year).sort((a, b) => a.date.localeCompare(b.date));
    const toDay = (d: (typeof ofYear)[number]): ScheduleDay => ({
      date: d.date,
      reason: d.reason as LocalizedText,
      source: d.source,
      confirmed: d.confirmed,
      ...(d.swapWith ? { swapWith: d.swapWith } : {}),
    });
    const ruleOverrides = Object.fromEntries(overrides.get(year) ?? []);
    schedules[year] = {
      year,
      audience: 'civil_servants',
      sources: [...new Set([...ofYear.map((d) => d.source), ...Object.values(ruleOverrides).map((o) => o.source)])],
      ruleOverrides,
      daysOff: ofYear.filter((d) => d.kind === 'day_off').map(toDay),
      makeUpWorkingDays: ofYear.filter((d) => d.kind === 'makeup_working_day').map(toDay),
    };
  }

  const settingsRow = byDepth(content.settings).pop();
  if (!settingsRow) throw new Error('calendar has no office settings: the national layer must have them (seedCalendar)');
  return {
    rules: [...rules.values()],
    ruleLayer,
    schedules,
    dayOrigins,
    settings: {
      sessionSets: settingsRow.sessionSets as SessionSet[],
      weeklyDaysOff: settingsRow.weeklyDaysOff as number[],
      cutoff: settingsRow.cutoff,
      recomputeOpenDeadlines: settingsRow.recomputeOpenDeadlines,
    },
    settingsFrom: layerOf.get(settingsRow.calendarId)!,
  };
}

/**
 * Builds the engine calendar of a definition over `CALENDAR_YEARS`.
 * @throws CalendarError (INVALID_RULE, INVALID_CONFIG, NO_WORKING_DAY…) when the data is inconsistent.
 */
export function buildFromDefinition(def: CalendarDefinition): WorkCalendar {
  const entries: CalendarEntry[] = [];
  for (let y = CALENDAR_YEARS.from; y <= CALENDAR_YEARS.to; y++) {
    entries.push(...generateYearCalendar(def.rules, y, def.schedules[y], { weeklyRestDays: def.settings.weeklyDaysOff }));
  }
  return buildWorkCalendar({
    fromYear: CALENDAR_YEARS.from,
    toYear: CALENDAR_YEARS.to,
    entries,
    weeklyDaysOff: def.settings.weeklyDaysOff,
    sessionSets: def.settings.sessionSets,
    cutoff: def.settings.cutoff ?? undefined,
  });
}

/** Loads, assembles and builds a unit's calendar at version `n`, without the cache (used to validate a change). */
export async function buildCalendarAt(db: Db, unitId: string | null, n: number): Promise<{ work: WorkCalendar; layers: LayerRow[]; definition: CalendarDefinition }> {
  const layers = await findLayerChain(db, unitId, n);
  const definition = assembleDefinition(layers, await loadLayerContent(db, layers.map((l) => l.calendarId), n));
  return { work: buildFromDefinition(definition), layers, definition };
}

// --- cache -------------------------------------------------------------------------------------------------------

const MAX_BUILT = 64;
const MAX_CHAINS = 4096;
const built = new Map<string, Promise<{ work: WorkCalendar; definition: CalendarDefinition }>>();
const chains = new Map<string, LayerRow[]>();
let buildCount = 0;

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/** How many calendars were built since start (tests use it to prove that building is not per call). */
export function calendarBuildCount(): number {
  return buildCount;
}

async function resolveVersion(db: Db, at: Date | { version: number } | undefined): Promise<VersionRow> {
  let v: VersionRow | undefined;
  if (at === undefined) v = await findLatestVersion(db);
  else if (at instanceof Date) v = (await findVersionAt(db, at)) ?? (await findFirstVersion(db));
  else {
    v = await findVersionByNumber(db, at.version);
    if (!v) throw notFound('calendar version');
  }
  if (!v) throw new AppError('NOT_FOUND', { detail: 'the calendar is not seeded (call seedCalendar)', params: { what: 'calendar' } });
  return v;
}

/** A unit's calendar at a given committed version row (cached). */
export async function resolveCalendarAtVersion(db: Db, unitId: string | null, v: VersionRow): Promise<ResolvedCalendar> {
  const chainKey = `${v.id}|${unitId ?? 'national'}`;
  let layers = chains.get(chainKey);
  if (!layers) {
    if (unitId !== null && (await findUnitName(db, unitId)) === undefined) throw notFound('unit');
    layers = await findLayerChain(db, unitId, v.number);
    remember(chains, chainKey, layers, MAX_CHAINS);
  } else {
    chains.delete(chainKey);
    chains.set(chainKey, layers);
  }
  const key = `${v.id}|${layers.map((l) => l.calendarId).join(',')}`;
  let entry = built.get(key);
  if (entry) {
    built.delete(key);
    built.set(key, entry);
  } else {
    const chain = layers;
    entry = (async () => {
      const definition = assembleDefinition(chain, await loadLayerContent(db, chain.map((l) => l.calendarId), v.number));
      buildCount++;
      return { work: buildFromDefinition(definition), definition };
    })();
    remember(built, key, entry, MAX_BUILT);
    // A failed build must not stay cached.
    entry.catch(() => built.delete(key));
  }
  const { work, definition } = await entry;
  return { work, definition, layers, unitId, version: { id: v.id, number: v.number, createdAt: v.createdAt } };
}

/**
 * The working calendar of a unit (null = national) in force at `at`: the latest version created at or before that
 * instant (the first version for an earlier instant), or the version given by number; now when absent.
 * Built calendars are cached by version, so repeated calls do not rebuild.
 * @throws AppError NOT_FOUND for an unknown unit or version, or when the calendar was never seeded.
 * @example const { work, version } = await getWorkCalendarFor(db, unitId, receivedAt);
 *          const due = addWorkingTime(work, receivedAt, { value: 5, unit: 'working_day' });
 */
export async function getWorkCalendarFor(db: Db, unitId: string | null, at?: Date | { version: number }): Promise<ResolvedCalendar> {
  return resolveCalendarAtVersion(db, unitId, await resolveVersion(db, at));
}
