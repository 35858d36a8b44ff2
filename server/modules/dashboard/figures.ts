/**
 * Service figures of the leaders' dashboard, read from the rollups (dashboard_daily, dashboard_monthly_procedure)
 * kept by the dossier triggers, plus the standings of open dossiers computed live at the period's end (or now).
 * The definitions are those of the dossier module (classification.ts, `getStats`) and of `digitisationRates`;
 * dashboard.property.test.ts proves the equality on random data.
 *
 *   received            dossiers received in the period, at the competent authority recorded at receipt
 *   finished / early / on time / late
 *                       dossiers that reached status 9 (result ready) in the period, by outcome, at the unit that
 *                       finished them (classification.ts: civil dates; > 1 supplement request = late)
 *   apart               withdrawn (7) or stopped (8) in the period
 *   open on track / due soon / overdue
 *                       received before the period's end and not ended by `asOf` = min(period end, now), judged at
 *                       `asOf` (standingOf)
 *   on-time rate        (early + on time) ÷ (finished + open overdue)          ON_TIME_RATE_FORMULA
 *   online rate         received online ÷ received
 *   processing time     mean working minutes used by the finished dossiers (budget − remaining at the end)
 *                       beside their mean statutory budget
 *   digitisation        as `digitisationRates` (reception point, receipt date; results by return date)
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { addDays } from '../../platform/clock.ts';
import { ON_TIME_RATE_FORMULA } from '../dossiers/index.ts';
import { DIGITISATION_FORMULA } from '../dossiers/documents/digitisation.ts';
import type { Figures, UnitsMode } from '../../../contracts/dashboard.ts';

export const FORMULAS: Record<string, string> = {
  onTimeRate: ON_TIME_RATE_FORMULA,
  onTimeRateFinishedOnly: 'on-time rate (finished only) = (finished early + finished on time) ÷ finished',
  onlineRate: 'online rate = dossiers received online ÷ dossiers received',
  processingTime: 'average processing time = Σ working minutes used by the finished dossiers ÷ finished, beside Σ statutory minutes ÷ finished',
  digitisation: DIGITISATION_FORMULA.dossiers,
  digitisationResults: DIGITISATION_FORMULA.results,
  reuse: DIGITISATION_FORMULA.reuse,
  satisfaction: 'satisfaction rate = ratings 4 or 5 on the 1–5 scale ÷ ratings (satisfaction module)',
  feedback: 'feedback on-time rate = answered on time ÷ (answered + open overdue) (feedback module)',
};

export interface Counters {
  received: number;
  receivedCounter: number;
  receivedOnline: number;
  receivedPost: number;
  finished: number;
  early: number;
  onTime: number;
  late: number;
  apart: number;
  usedMinutes: number;
  budgetMinutes: number;
  digReceived: number;
  digNothingToScan: number;
  digDigitised: number;
  digReused: number;
  returned: number;
  resultsDigitised: number;
  openOnTrack: number;
  openDueSoon: number;
  openOverdue: number;
}

export const zeroCounters = (): Counters => ({
  received: 0, receivedCounter: 0, receivedOnline: 0, receivedPost: 0, finished: 0, early: 0, onTime: 0, late: 0, apart: 0, usedMinutes: 0, budgetMinutes: 0,
  digReceived: 0, digNothingToScan: 0, digDigitised: 0, digReused: 0, returned: 0, resultsDigitised: 0, openOnTrack: 0, openDueSoon: 0, openOverdue: 0,
});

export function addCounters(a: Counters, b: Counters): Counters {
  const out = { ...a };
  for (const k of Object.keys(b) as Array<keyof Counters>) out[k] += b[k];
  return out;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** The published figures of summed counters. */
export function figuresOf(c: Counters): Figures {
  const good = c.early + c.onTime;
  return {
    received: c.received,
    receivedCounter: c.receivedCounter,
    receivedOnline: c.receivedOnline,
    receivedPost: c.receivedPost,
    finished: c.finished,
    early: c.early,
    onTime: c.onTime,
    late: c.late,
    apart: c.apart,
    openOnTrack: c.openOnTrack,
    openDueSoon: c.openDueSoon,
    openOverdue: c.openOverdue,
    onTimeRate: ratio(good, c.finished + c.openOverdue),
    onTimeRateFinishedOnly: ratio(good, c.finished),
    onlineRate: ratio(c.receivedOnline, c.received),
    avgUsedMinutes: ratio(c.usedMinutes, c.finished),
    avgBudgetMinutes: ratio(c.budgetMinutes, c.finished),
    digitisation: {
      received: c.digReceived,
      nothingToScan: c.digNothingToScan,
      digitised: c.digDigitised,
      reused: c.digReused,
      returned: c.returned,
      resultsDigitised: c.resultsDigitised,
      rate: ratio(c.digDigitised, c.digReceived - c.digNothingToScan),
      rateAll: ratio(c.digDigitised, c.digReceived),
      resultRate: ratio(c.resultsDigitised, c.returned),
      reuseRate: ratio(c.digReused, c.digReceived),
    },
  };
}

type Row = Record<string, unknown>;
const rowsOf = (res: unknown) => (res as { rows: Row[] }).rows;
const n = (v: unknown) => Number(v ?? 0);
export const uuidList = (ids: readonly string[]) => (ids.length ? sql`ARRAY[${sql.join(ids.map((u) => sql`${u}::uuid`), sql`, `)}]` : sql`ARRAY[]::uuid[]`);

export const vnStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);
/** The instant open dossiers are judged at: the end of `to` (Vietnam), or now if earlier. */
export function asOfFor(to: string, now: Date, from?: string): { start: Date; end: Date; asOf: Date } {
  const end = vnStart(addDays(to, 1));
  return { start: vnStart(from ?? to), end, asOf: now < end ? now : end };
}

const SUMS = sql`sum(received)::int AS received, sum(finished)::int AS finished, sum(early)::int AS early, sum(on_time)::int AS on_time,
  sum(late)::int AS late, sum(apart)::int AS apart, sum(used_minutes)::bigint AS used_minutes, sum(budget_minutes)::bigint AS budget_minutes,
  sum(dig_received)::int AS dig_received, sum(dig_nothing_to_scan)::int AS dig_nothing_to_scan, sum(dig_digitised)::int AS dig_digitised,
  sum(dig_reused)::int AS dig_reused, sum(returned)::int AS returned, sum(results_digitised)::int AS results_digitised`;

function countersOfRow(r: Row): Counters {
  const c = zeroCounters();
  c.received = n(r.received);
  const ch = String(r.channel ?? '');
  if (ch === 'counter') c.receivedCounter = c.received;
  else if (ch === 'online') c.receivedOnline = c.received;
  else if (ch === 'post') c.receivedPost = c.received;
  c.finished = n(r.finished);
  c.early = n(r.early);
  c.onTime = n(r.on_time);
  c.late = n(r.late);
  c.apart = n(r.apart);
  c.usedMinutes = n(r.used_minutes);
  c.budgetMinutes = n(r.budget_minutes);
  c.digReceived = n(r.dig_received);
  c.digNothingToScan = n(r.dig_nothing_to_scan);
  c.digDigitised = n(r.dig_digitised);
  c.digReused = n(r.dig_reused);
  c.returned = n(r.returned);
  c.resultsDigitised = n(r.results_digitised);
  return c;
}

/** The rollup to read: the monthly one for whole months (a year = 12 rows per unit and channel), else the daily one. */
const rollupSource = (from: string, to: string) => (wholeMonths(from, to) ? sql`dashboard_monthly WHERE month` : sql`dashboard_daily WHERE day`);
const periodColumn = (from: string, to: string) => (wholeMonths(from, to) ? sql`month` : sql`day`);

/** Rollup counters per unit over the period (Vietnam dates, inclusive). */
export async function rollupByUnit(db: Db, unitIds: readonly string[], from: string, to: string): Promise<Map<string, Counters>> {
  const res = await db.execute(sql`SELECT unit_id, channel, ${SUMS} FROM ${rollupSource(from, to)} BETWEEN ${from}::date AND ${to}::date
     AND unit_id = ANY(${uuidList(unitIds)}) GROUP BY unit_id, channel`);
  const out = new Map<string, Counters>();
  for (const r of rowsOf(res)) {
    const id = String(r.unit_id);
    out.set(id, addCounters(out.get(id) ?? zeroCounters(), countersOfRow(r)));
  }
  return out;
}

/** Rollup counters per unit and per month ('YYYY-MM') over the period, from one scan of the daily rollup. */
export async function rollupByUnitAndMonth(db: Db, unitIds: readonly string[], from: string, to: string): Promise<{ byUnit: Map<string, Counters>; byMonth: Map<string, Counters> }> {
  const res = await db.execute(sql`SELECT unit_id, to_char(date_trunc('month', ${periodColumn(from, to)}), 'YYYY-MM') AS month, channel, ${SUMS}
     FROM ${rollupSource(from, to)} BETWEEN ${from}::date AND ${to}::date AND unit_id = ANY(${uuidList(unitIds)}) GROUP BY unit_id, 2, channel`);
  const byUnit = new Map<string, Counters>();
  const byMonth = new Map<string, Counters>();
  for (const r of rowsOf(res)) {
    const c = countersOfRow(r);
    const id = String(r.unit_id);
    const m = String(r.month);
    byUnit.set(id, addCounters(byUnit.get(id) ?? zeroCounters(), c));
    byMonth.set(m, addCounters(byMonth.get(m) ?? zeroCounters(), c));
  }
  return { byUnit, byMonth };
}

/** Rollup counters per month (first day, 'YYYY-MM') over the period. */
export async function rollupByMonth(db: Db, unitIds: readonly string[], from: string, to: string): Promise<Map<string, Counters>> {
  const res = await db.execute(sql`SELECT to_char(date_trunc('month', day), 'YYYY-MM') AS month, channel, ${SUMS} FROM dashboard_daily
     WHERE unit_id = ANY(${uuidList(unitIds)}) AND day BETWEEN ${from}::date AND ${to}::date GROUP BY 1, channel`);
  const out = new Map<string, Counters>();
  for (const r of rowsOf(res)) {
    const m = String(r.month);
    out.set(m, addCounters(out.get(m) ?? zeroCounters(), countersOfRow(r)));
  }
  return out;
}

/** True when [from, to] is made of whole calendar months. */
export function wholeMonths(from: string, to: string): boolean {
  return from.endsWith('-01') && addDays(to, 1).endsWith('-01');
}

/**
 * Per procedure: from the monthly rollup when the period is whole months, else from the facts (index on unit and
 * day). Counts received, finished, late and the processing time.
 */
export async function rollupByProcedure(db: Db, unitIds: readonly string[], from: string, to: string) {
  const ids = uuidList(unitIds);
  const res = wholeMonths(from, to)
    ? await db.execute(sql`SELECT procedure_id, sum(received)::int AS received, sum(finished)::int AS finished, sum(late)::int AS late,
          sum(used_minutes)::bigint AS used_minutes, sum(budget_minutes)::bigint AS budget_minutes
        FROM dashboard_monthly_procedure WHERE unit_id = ANY(${ids}) AND month BETWEEN ${from}::date AND ${to}::date GROUP BY procedure_id`)
    : await db.execute(sql`SELECT procedure_id, sum(received)::int AS received, sum(finished)::int AS finished, sum(late)::int AS late,
          sum(used_minutes)::bigint AS used_minutes, sum(budget_minutes)::bigint AS budget_minutes FROM (
          SELECT procedure_id, 1 AS received, 0 AS finished, 0 AS late, 0 AS used_minutes, 0 AS budget_minutes FROM dashboard_facts
           WHERE unit_id = ANY(${ids}) AND received_day BETWEEN ${from}::date AND ${to}::date
          UNION ALL
          SELECT procedure_id, 0, 1, (outcome = 'late')::int, coalesce(used_minutes, 0), coalesce(budget_minutes, 0) FROM dashboard_facts
           WHERE end_unit_id = ANY(${ids}) AND end_day BETWEEN ${from}::date AND ${to}::date AND end_kind = 'finished') x
        GROUP BY procedure_id`);
  const rows = rowsOf(res).map((r) => ({ procedureId: String(r.procedure_id), received: n(r.received), finished: n(r.finished), late: n(r.late), usedMinutes: n(r.used_minutes), budgetMinutes: n(r.budget_minutes) }));
  // Names from the catalogue (latest version); a procedure outside it takes the name copied on one of its dossiers.
  const names = rows.length
    ? rowsOf(await db.execute(sql`SELECT p.id AS procedure_id, coalesce(v.name, x.procedure_name) AS procedure_name, coalesce(v.code, x.procedure_code) AS procedure_code
         FROM unnest(${uuidList(rows.map((r) => r.procedureId))}) p(id)
         LEFT JOIN LATERAL (SELECT name, code FROM procedure_versions pv WHERE pv.procedure_id = p.id ORDER BY pv.version_no DESC LIMIT 1) v ON true
         LEFT JOIN LATERAL (SELECT procedure_name, procedure_code FROM dashboard_facts f JOIN dossiers d ON d.id = f.dossier_id
                             WHERE v.name IS NULL AND f.unit_id = ANY(${uuidList(unitIds)}) AND f.procedure_id = p.id LIMIT 1) x ON true`))
    : [];
  const nameOf = new Map(names.map((r) => [String(r.procedure_id), { name: String(r.procedure_name), code: String(r.procedure_code) }]));
  return rows
    .map((r) => ({ procedureId: r.procedureId, name: nameOf.get(r.procedureId)?.name ?? '', code: nameOf.get(r.procedureId)?.code ?? '', received: r.received, finished: r.finished, late: r.late, avgUsedMinutes: ratio(r.usedMinutes, r.finished), avgBudgetMinutes: ratio(r.budgetMinutes, r.finished) }))
    .sort((a, b) => b.received - a.received || a.name.localeCompare(b.name, 'vi'));
}

/** Standing of an open dossier at `asOf`, in SQL, exactly as `standingOf` (classification.ts) with classifyForPeriod's `running`. */
export const standingSql = (asOf: Date) => sql`CASE
    WHEN NOT (d.finished_at IS NOT NULL OR d.clock_running) OR d.due_at IS NULL THEN CASE WHEN d.remaining_minutes < 0 THEN 'overdue' ELSE 'on_track' END
    WHEN d.due_at < ${asOf.toISOString()}::timestamptz THEN 'overdue'
    WHEN d.due_at <= ${asOf.toISOString()}::timestamptz + interval '24 hours' THEN 'due_soon'
    ELSE 'on_track' END`;

/** The life span of a dossier, exactly as indexed by `dashboard_dossiers_span_idx` (migration 0012). */
export const SPAN_SQL = sql`tstzrange(d.received_at, CASE WHEN d.finished_at IS NULL THEN NULL ELSE greatest(d.finished_at, d.received_at) END, '[)')`;

/**
 * The dossiers open at `asOf` — the population of `getStats` (received before the period's end, not ended before its
 * start) not ended by `asOf` — whose competent authority is in the set: with `units=then`, the authority they had at
 * `asOf` (before any later re-organisation transfer); with `today`, their current one. Columns id, unit_id, standing.
 *
 * Found through the life-span index: received ≤ asOf < finished (or not finished) — a few thousand dossiers at any
 * instant — plus, when the period runs past `asOf`, those received after it.
 */
export function openRelation(unitIds: readonly string[], start: Date, end: Date, asOf: Date, mode: UnitsMode) {
  const ids = uuidList(unitIds);
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const endTs = sql`${end.toISOString()}::timestamptz`;
  const startTs = sql`${start.toISOString()}::timestamptz`;
  const candidates = sql`(
      SELECT d.* FROM dossiers d WHERE ${SPAN_SQL} @> ${at} AND d.received_at < ${endTs} AND (d.finished_at IS NULL OR d.finished_at >= ${startTs})
      UNION ALL
      SELECT d.* FROM dossiers d WHERE d.received_at > ${at} AND d.received_at < ${endTs}
        AND (d.finished_at IS NULL OR (d.finished_at > ${at} AND d.finished_at >= ${startTs})))`;
  if (mode === 'today') {
    return sql`(SELECT d.id, d.competent_unit_id AS unit_id, ${standingSql(asOf)} AS standing FROM ${candidates} d WHERE d.competent_unit_id = ANY(${ids}))`;
  }
  const moved = sql`EXISTS (SELECT 1 FROM dossier_unit_transfers x WHERE x.dossier_id = d.id AND x.transferred_at >= ${at})`;
  const unitThen = sql`coalesce((SELECT x.from_competent_unit_id FROM dossier_unit_transfers x WHERE x.dossier_id = d.id
      AND x.transferred_at >= ${at} ORDER BY x.transferred_at LIMIT 1), d.competent_unit_id)`;
  return sql`(SELECT * FROM (SELECT d.id, ${unitThen} AS unit_id, ${standingSql(asOf)} AS standing FROM ${candidates} d
        WHERE d.competent_unit_id = ANY(${ids}) OR ${moved}) o
      WHERE o.unit_id = ANY(${ids}))`;
}

/** Open standings per unit. */
export async function openByUnit(db: Db, unitIds: readonly string[], start: Date, end: Date, asOf: Date, mode: UnitsMode): Promise<Map<string, Pick<Counters, 'openOnTrack' | 'openDueSoon' | 'openOverdue'>>> {
  const res = await db.execute(sql`SELECT o.unit_id, count(*) FILTER (WHERE o.standing = 'on_track')::int AS on_track,
      count(*) FILTER (WHERE o.standing = 'due_soon')::int AS due_soon, count(*) FILTER (WHERE o.standing = 'overdue')::int AS overdue
    FROM ${openRelation(unitIds, start, end, asOf, mode)} o GROUP BY o.unit_id`);
  return new Map(rowsOf(res).map((r) => [String(r.unit_id), { openOnTrack: n(r.on_track), openDueSoon: n(r.due_soon), openOverdue: n(r.overdue) }]));
}

/**
 * Ends recorded by the rollup on the current day but after `asOf` (only when the period runs past now: a clock
 * ahead of the server, or a test's fixed "now"): the dossier module counts them as still open, so they are taken
 * out of the ended counters (the live standings already count them as open).
 */
async function endsAfter(db: Db, unitIds: readonly string[], from: string, to: string, asOf: Date): Promise<Map<string, Counters>> {
  const asOfDay = new Date(asOf.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const res = await db.execute(sql`SELECT f.end_unit_id AS unit_id, f.channel,
      count(*) FILTER (WHERE f.end_kind = 'finished')::int AS finished, count(*) FILTER (WHERE f.outcome = 'early')::int AS early,
      count(*) FILTER (WHERE f.outcome = 'on_time')::int AS on_time, count(*) FILTER (WHERE f.outcome = 'late')::int AS late,
      count(*) FILTER (WHERE f.end_kind = 'apart')::int AS apart, coalesce(sum(f.used_minutes), 0)::bigint AS used_minutes,
      coalesce(sum(f.budget_minutes), 0)::bigint AS budget_minutes
    FROM dashboard_facts f JOIN dossiers d ON d.id = f.dossier_id
    WHERE f.end_unit_id = ANY(${uuidList(unitIds)}) AND f.end_day BETWEEN greatest(${from}::date, ${asOfDay}::date) AND ${to}::date
      AND d.finished_at > ${asOf.toISOString()}::timestamptz
    GROUP BY f.end_unit_id, f.channel`);
  const out = new Map<string, Counters>();
  for (const r of rowsOf(res)) {
    const id = String(r.unit_id);
    out.set(id, addCounters(out.get(id) ?? zeroCounters(), { ...countersOfRow(r), received: 0, receivedCounter: 0, receivedOnline: 0, receivedPost: 0 }));
  }
  return out;
}

/**
 * Counters of a set of units (rollup + live standings), per unit. `rollup` may be given when the caller read the
 * daily rollup already (the dashboard reads units and months in one scan).
 */
export async function countersByUnit(db: Db, unitIds: readonly string[], from: string, to: string, mode: UnitsMode, now: Date, rollup?: Promise<Map<string, Counters>>): Promise<Map<string, Counters>> {
  const { start, end, asOf } = asOfFor(to, now, from);
  const [roll, open, late] = await Promise.all([
    rollup ?? rollupByUnit(db, unitIds, from, to),
    openByUnit(db, unitIds, start, end, asOf, mode),
    asOf < end ? endsAfter(db, unitIds, from, to, asOf) : Promise.resolve(new Map<string, Counters>()),
  ]);
  for (const [id, o] of open) roll.set(id, { ...(roll.get(id) ?? zeroCounters()), ...o });
  for (const [id, c] of late) {
    const r = roll.get(id) ?? zeroCounters();
    for (const k of ['finished', 'early', 'onTime', 'late', 'apart', 'usedMinutes', 'budgetMinutes'] as const) r[k] -= c[k];
    roll.set(id, r);
  }
  return roll;
}

/** Total counters of a set of units. */
export async function totalCounters(db: Db, unitIds: readonly string[], from: string, to: string, mode: UnitsMode, now: Date): Promise<Counters> {
  let total = zeroCounters();
  for (const c of (await countersByUnit(db, unitIds, from, to, mode, now)).values()) total = addCounters(total, c);
  return total;
}
