import { and, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { units } from '../units/units.schema.ts';
import {
  calendarHolidayRules,
  calendarRuleOverrides,
  calendarScheduleDays,
  calendarSettings,
  calendarVersions,
  calendars,
} from './calendar.schema.ts';

export type CalendarRow = typeof calendars.$inferSelect;
export type VersionRow = typeof calendarVersions.$inferSelect;
export type SettingsRow = typeof calendarSettings.$inferSelect;
export type RuleRow = typeof calendarHolidayRules.$inferSelect;
export type OverrideRow = typeof calendarRuleOverrides.$inferSelect;
export type ScheduleDayRow = typeof calendarScheduleDays.$inferSelect;

/** A layer of a unit's calendar, with the name of its unit (null for the national layer). */
export interface LayerRow {
  calendarId: string;
  unitId: string | null;
  unitName: string | null;
  version: number;
}

type Versioned = typeof calendarSettings | typeof calendarHolidayRules | typeof calendarRuleOverrides | typeof calendarScheduleDays;

/** Condition "row in force at calendar version `n`". */
export const inForceAt = (t: Versioned, n: number): SQL => and(lte(t.fromVersion, n), or(isNull(t.toVersion), gt(t.toVersion, n)))!;

export async function findNationalCalendar(db: Db): Promise<CalendarRow | undefined> {
  const [row] = await db.select().from(calendars).where(isNull(calendars.unitId));
  return row;
}

/** The national layer row, locked: the mutex that serialises calendar changes (and their version numbers). */
export async function lockNationalCalendar(db: Db): Promise<CalendarRow | undefined> {
  const [row] = await db.select().from(calendars).where(isNull(calendars.unitId)).for('update');
  return row;
}

export async function findCalendarOfUnit(db: Db, unitId: string | null): Promise<CalendarRow | undefined> {
  if (unitId === null) return findNationalCalendar(db);
  const [row] = await db.select().from(calendars).where(eq(calendars.unitId, unitId));
  return row;
}

export async function findCalendarById(db: Db, id: string): Promise<CalendarRow | undefined> {
  const [row] = await db.select().from(calendars).where(eq(calendars.id, id));
  return row;
}

export async function insertCalendar(db: Db, unitId: string | null, createdInVersion: number): Promise<CalendarRow> {
  const [row] = await db.insert(calendars).values({ unitId, createdInVersion, version: 0 }).returning();
  return row;
}

/** Increments the layer's version if it still is `expected` (any version when undefined); undefined = stale. */
export async function bumpCalendarVersion(db: Db, id: string, expected: number | undefined): Promise<CalendarRow | undefined> {
  const conds = [eq(calendars.id, id)];
  if (expected !== undefined) conds.push(eq(calendars.version, expected));
  const [row] = await db
    .update(calendars)
    .set({ version: sql`${calendars.version} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning();
  return row;
}

export async function findLatestVersion(db: Db): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(calendarVersions).orderBy(desc(calendarVersions.number)).limit(1);
  return row;
}

/** The version in force at instant `at`: the latest created at or before it. */
export async function findVersionAt(db: Db, at: Date): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(calendarVersions).where(lte(calendarVersions.createdAt, at)).orderBy(desc(calendarVersions.number)).limit(1);
  return row;
}

export async function findFirstVersion(db: Db): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(calendarVersions).orderBy(calendarVersions.number).limit(1);
  return row;
}

export async function findVersionByNumber(db: Db, n: number): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(calendarVersions).where(eq(calendarVersions.number, n));
  return row;
}

export async function insertVersion(db: Db, values: typeof calendarVersions.$inferInsert): Promise<VersionRow> {
  const [row] = await db.insert(calendarVersions).values(values).returning();
  return row;
}

/** Versions newest first; restricted to the given layers when `calendarIds` is set. */
export async function listVersions(db: Db, calendarIds: string[] | null, limit: number) {
  return db
    .select({ v: calendarVersions, unitName: units.name })
    .from(calendarVersions)
    .leftJoin(units, eq(units.id, calendarVersions.unitId))
    .where(calendarIds ? inArray(calendarVersions.calendarId, calendarIds) : undefined)
    .orderBy(desc(calendarVersions.number))
    .limit(limit);
}

/**
 * The layers of a unit's calendar at version `n`, national first, then the unit's ancestors that have a layer,
 * down to the unit itself. Ancestors are followed whatever their validity dates (as for permission scopes).
 */
export async function findLayerChain(db: Db, unitId: string | null, n: number): Promise<LayerRow[]> {
  const res = (await db.execute(sql`
    WITH RECURSIVE up(id, parent_id, name, depth) AS (
      SELECT id, parent_id, name, 0 FROM units WHERE id = ${unitId}::uuid
      UNION ALL
      SELECT u.id, u.parent_id, u.name, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 50
    )
    SELECT c.id AS calendar_id, c.unit_id, up.name AS unit_name, c.version, COALESCE(up.depth, 1000) AS depth
    FROM calendars c LEFT JOIN up ON up.id = c.unit_id
    WHERE c.created_in_version <= ${n} AND (c.unit_id IS NULL OR up.id IS NOT NULL)
    ORDER BY depth DESC`)) as unknown as { rows: Array<{ calendar_id: string; unit_id: string | null; unit_name: string | null; version: number }> };
  return res.rows.map((r) => ({ calendarId: r.calendar_id, unitId: r.unit_id, unitName: r.unit_name, version: Number(r.version) }));
}

/** Every unit layer (not the national one), for re-validating the calendars that depend on a changed layer. */
export async function findUnitLayers(db: Db): Promise<CalendarRow[]> {
  return db.select().from(calendars).where(sql`${calendars.unitId} IS NOT NULL`);
}

/**
 * The content of the given layers in force at version `n`. One query after the other: `db` may be a transaction,
 * whose single connection runs one query at a time anyway.
 */
export async function loadLayerContent(db: Db, calendarIds: string[], n: number) {
  if (calendarIds.length === 0) return { settings: [], rules: [], overrides: [], days: [] };
  const settings = await db.select().from(calendarSettings).where(and(inArray(calendarSettings.calendarId, calendarIds), inForceAt(calendarSettings, n)));
  const rules = await db.select().from(calendarHolidayRules).where(and(inArray(calendarHolidayRules.calendarId, calendarIds), inForceAt(calendarHolidayRules, n)));
  const overrides = await db.select().from(calendarRuleOverrides).where(and(inArray(calendarRuleOverrides.calendarId, calendarIds), inForceAt(calendarRuleOverrides, n)));
  const days = await db.select().from(calendarScheduleDays).where(and(inArray(calendarScheduleDays.calendarId, calendarIds), inForceAt(calendarScheduleDays, n)));
  return { settings, rules, overrides, days };
}

export type LayerContent = Awaited<ReturnType<typeof loadLayerContent>>;

export async function findCurrentSettings(db: Db, calendarId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(calendarSettings).where(and(eq(calendarSettings.calendarId, calendarId), isNull(calendarSettings.toVersion)));
  return row;
}

export async function findCurrentRules(db: Db, calendarId: string): Promise<RuleRow[]> {
  return db.select().from(calendarHolidayRules).where(and(eq(calendarHolidayRules.calendarId, calendarId), isNull(calendarHolidayRules.toVersion)));
}

export async function findCurrentDaysOfYear(db: Db, calendarId: string, year: number): Promise<ScheduleDayRow[]> {
  return db
    .select()
    .from(calendarScheduleDays)
    .where(and(eq(calendarScheduleDays.calendarId, calendarId), eq(calendarScheduleDays.year, year), isNull(calendarScheduleDays.toVersion)));
}

export async function findCurrentOverridesOfYear(db: Db, calendarId: string, year: number): Promise<OverrideRow[]> {
  return db
    .select()
    .from(calendarRuleOverrides)
    .where(and(eq(calendarRuleOverrides.calendarId, calendarId), eq(calendarRuleOverrides.year, year), isNull(calendarRuleOverrides.toVersion)));
}

/** A schedule entry that is in force now (closed ones are history, not addressable). */
export async function findCurrentScheduleDay(db: Db, id: string): Promise<ScheduleDayRow | undefined> {
  const [row] = await db.select().from(calendarScheduleDays).where(and(eq(calendarScheduleDays.id, id), isNull(calendarScheduleDays.toVersion)));
  return row;
}

export async function findCurrentScheduleDayOn(db: Db, calendarId: string, date: string): Promise<ScheduleDayRow | undefined> {
  const [row] = await db
    .select()
    .from(calendarScheduleDays)
    .where(and(eq(calendarScheduleDays.calendarId, calendarId), eq(calendarScheduleDays.date, date), isNull(calendarScheduleDays.toVersion)));
  return row;
}

/** Closes rows (they stay as history for versions before `n`). */
export async function closeRows(db: Db, table: Versioned, ids: string[], n: number): Promise<void> {
  if (ids.length === 0) return;
  await db.update(table).set({ toVersion: n }).where(and(inArray(table.id, ids), isNull(table.toVersion)));
}

export async function insertSettings(db: Db, values: typeof calendarSettings.$inferInsert): Promise<SettingsRow> {
  const [row] = await db.insert(calendarSettings).values(values).returning();
  return row;
}

export async function insertRules(db: Db, values: Array<typeof calendarHolidayRules.$inferInsert>): Promise<void> {
  if (values.length) await db.insert(calendarHolidayRules).values(values);
}

export async function insertOverrides(db: Db, values: Array<typeof calendarRuleOverrides.$inferInsert>): Promise<void> {
  if (values.length) await db.insert(calendarRuleOverrides).values(values);
}

export async function insertScheduleDays(db: Db, values: Array<typeof calendarScheduleDays.$inferInsert>): Promise<ScheduleDayRow[]> {
  if (values.length === 0) return [];
  return db.insert(calendarScheduleDays).values(values).returning();
}

export async function findUnitName(db: Db, unitId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name;
}
