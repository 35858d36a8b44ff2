/**
 * Synthetic dossiers for demonstrations and the dashboard bench: `npm run cli -- generate --dossiers N --years Y`.
 *
 * Set-based SQL only (INSERT … SELECT over generate_series), one month per transaction, with the dashboard
 * triggers switched off during the load and the read model rebuilt at the end (`dashboard_rebuild()`).
 * Realism: volumes follow a seasonal curve (busier before the end of the year and in spring), almost nothing on
 * Sundays, a slowdown around Tết (lunar new year, from the calendar module), online share growing over the years,
 * a few units with many late dossiers, units valid on the receipt date only (the 1 July 2025 re-organisation is
 * respected), one checklist line per dossier digitised more often in later years, satisfaction ratings for about
 * a fifth of the returned dossiers. Rows are marked `is_demo`.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { addDays, todayVn } from '../../platform/clock.ts';
import { lunarNewYear } from '../calendar/index.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';

export interface GenerateOptions {
  dossiers: number;
  years: number;
  /** Last receipt date (default today, Vietnam). */
  end?: string;
  /** Progress lines (default: console.error). */
  log?: (line: string) => void;
}

type Row = Record<string, unknown>;
const rows = (r: unknown) => (r as { rows: Row[] }).rows;

/** Day weights: season × weekday × Tết. */
export function dayWeights(start: string, end: string): Array<{ day: string; w: number }> {
  const tet = new Map<number, string>();
  const out: Array<{ day: string; w: number }> = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const y = Number(d.slice(0, 4));
    if (!tet.has(y)) tet.set(y, lunarNewYear(y));
    const m = Number(d.slice(5, 7));
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    let w = 1 + 0.25 * Math.sin(((m - 3) / 12) * 2 * Math.PI) + (m === 12 ? 0.3 : 0);
    if (dow === 0) w *= 0.02;
    else if (dow === 6) w *= 0.2;
    for (const ty of [y, y + 1]) {
      const t = tet.get(ty) ?? lunarNewYear(ty);
      tet.set(ty, t);
      const diff = (new Date(`${d}T00:00:00Z`).getTime() - new Date(`${t}T00:00:00Z`).getTime()) / 86_400_000;
      if (diff >= -3 && diff <= 6) w *= 0.05; // the Tết holidays
      else if (diff >= -12 && diff < -3) w *= 1.4; // the rush before Tết
      else if (diff > 6 && diff <= 14) w *= 0.6; // slow restart
    }
    out.push({ day: d, w });
  }
  return out;
}

function lastDayOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

/** Generates the dossiers; returns how many were inserted and the time taken. */
export async function generateDossiers(database: Database, o: GenerateOptions): Promise<{ inserted: number; seconds: number; rebuildSeconds: number }> {
  const log = o.log ?? ((l: string) => console.error(l));
  const t0 = Date.now();
  const end = o.end ?? todayVn();
  const start = addDays(end, -Math.round(o.years * 365.25) + 1);
  const db = database.db;

  // Units that handle dossiers, with their validity; a few "late" units.
  await db.execute(sql`DROP TABLE IF EXISTS gen_units`);
  await db.execute(sql`CREATE UNLOGGED TABLE gen_units AS
    SELECT id, valid_from, coalesce(valid_to, '9999-12-31'::date) AS valid_to, kind,
           (row_number() OVER (ORDER BY md5(id::text)) % 9 = 0) AS late_unit,
           CASE WHEN kind IN ('commune', 'township') THEN 3 WHEN kind = 'department' THEN 2 ELSE 1 END AS weight
      FROM units WHERE kind IN ('commune', 'township', 'specialised_office', 'department', 'district')`);
  const unitCount = Number(rows(await db.execute(sql`SELECT count(*) AS c FROM gen_units`))[0].c);
  if (unitCount === 0) throw new Error('no units to generate dossiers for: seed the installation first (npm run seed)');
  // Eras: date ranges with a fixed set of valid units; each unit repeated `weight` times in the pick array.
  await db.execute(sql`DROP TABLE IF EXISTS gen_eras`);
  await db.execute(sql`CREATE UNLOGGED TABLE gen_eras AS
    WITH b AS (SELECT DISTINCT d FROM (SELECT valid_from AS d FROM gen_units UNION SELECT valid_to + 1 FROM gen_units WHERE valid_to < '9999-12-31' UNION SELECT '1900-01-01'::date) x),
         r AS (SELECT d AS era_from, coalesce(lead(d) OVER (ORDER BY d) - 1, '9999-12-31'::date) AS era_to FROM b)
    SELECT r.era_from, r.era_to, array_agg(u.id ORDER BY u.id) AS ids, array_agg(u.late_unit ORDER BY u.id) AS late, count(*)::int AS n
      FROM r JOIN gen_units u ON u.valid_from <= r.era_from AND u.valid_to >= r.era_to, generate_series(1, u.weight) g
     GROUP BY r.era_from, r.era_to`);

  // Procedures: the catalogue's versions in force (or a synthetic list on an empty catalogue).
  await db.execute(sql`DROP TABLE IF EXISTS gen_procs`);
  await db.execute(sql`CREATE UNLOGGED TABLE gen_procs AS
    SELECT row_number() OVER (ORDER BY code)::int AS k, procedure_id, id AS version_id, code, name,
           greatest(60, CASE processing_time->>'unit' WHEN 'hours' THEN (processing_time->>'value')::numeric * 60 ELSE (processing_time->>'value')::numeric * 480 END)::int AS budget
      FROM (SELECT DISTINCT ON (procedure_id) * FROM procedure_versions ORDER BY procedure_id, version_no DESC) v`);
  if (Number(rows(await db.execute(sql`SELECT count(*) AS c FROM gen_procs`))[0].c) === 0) {
    await db.execute(sql`INSERT INTO gen_procs SELECT i, gen_random_uuid(), gen_random_uuid(), 'GEN-' || i, 'Thủ tục mẫu số ' || i, (1 + i % 10) * 480 FROM generate_series(1, 12) i`);
  }
  const procCount = Number(rows(await db.execute(sql`SELECT count(*) AS c FROM gen_procs`))[0].c);

  // How many dossiers each day receives.
  const weights = dayWeights(start, end);
  const total = weights.reduce((a, x) => a + x.w, 0);
  let carry = 0;
  const perDay = weights.map((x) => {
    const exact = (o.dossiers * x.w) / total + carry;
    const n = Math.floor(exact);
    carry = exact - n;
    return { day: x.day, n };
  });
  // Rounding leaves at most one dossier unplaced: it goes to the busiest day.
  const short = o.dossiers - perDay.reduce((a, x) => a + x.n, 0);
  if (short > 0 && perDay.length) perDay.reduce((best, x) => (x.n > best.n ? x : best), perDay[0]).n += short;
  await db.execute(sql`DROP TABLE IF EXISTS gen_days`);
  await db.execute(sql`CREATE UNLOGGED TABLE gen_days (day date PRIMARY KEY, n int NOT NULL)`);
  for (let i = 0; i < perDay.length; i += 1000) {
    const part = perDay.slice(i, i + 1000);
    await db.execute(sql`INSERT INTO gen_days SELECT * FROM unnest(${`{${part.map((p) => p.day).join(',')}}`}::date[], ${`{${part.map((p) => p.n).join(',')}}`}::int[])`);
  }

  const hasRatings = rows(await db.execute(sql`SELECT to_regclass('satisfaction_ratings') IS NOT NULL AS ok`))[0].ok === true;
  const admin = rows(await db.execute(sql`SELECT id FROM users ORDER BY created_at LIMIT 1`))[0]?.id as string | undefined;
  const months = [...new Set(perDay.map((p) => p.day.slice(0, 7)))];
  const nowIso = new Date().toISOString();
  const span = Math.max(1, perDay.length);
  let inserted = 0;
  const tag = `G${Date.now().toString(36).toUpperCase()}-`;
  // About a fifth of the returned dossiers rated at the kiosk (when the satisfaction module's table exists).
  const ratings = hasRatings
    ? sql`, rat AS (
            INSERT INTO satisfaction_ratings (dossier_id, dossier_code, unit_id, competent_unit_id, procedure_id, procedure_code, procedure_name, channel,
              score_access, score_procedures, score_conduct, score_results, score_feedback_handling, score_overall, rated_at)
            SELECT r.id, r.code, r.reception_unit_id, r.competent_unit_id, r.procedure_id, r.procedure_code, r.procedure_name, 'kiosk',
                   r.s, r.s, r.s, r.s, r.s, r.s, r.returned_at
              FROM (SELECT ins.*, CASE WHEN random() < 0.85 THEN 4 + floor(random() * 2)::int ELSE 1 + floor(random() * 3)::int END AS s
                      FROM ins WHERE ins.status = 'returned' AND random() < 0.2) r
          )`
    : sql``;

  await db.execute(sql`ALTER TABLE dossiers DISABLE TRIGGER dashboard_dossiers_fact`);
  await db.execute(sql`ALTER TABLE dossier_documents DISABLE TRIGGER dashboard_dossier_documents_fact`);
  try {
    for (const month of months) {
      const from = `${month}-01`;
      const to = lastDayOf(month);
      await database.transaction(async (tx) => {
        // The planner expects millions of rows from the generated series and JIT-compiles the statement: ~1 s of
        // compilation per month for a statement that runs in milliseconds at small scale (EXPLAIN ANALYZE).
        if (database.kind === 'postgres') await tx.db.execute(sql`SET LOCAL jit = off`);
        const r = await tx.db.execute(sql`
          WITH base AS (
            SELECT d.day, g.i,
                   (d.day - ${start}::date)::float / ${span} AS progress,
                   (d.day::timestamp + interval '7 hours 30 minutes' + (random() * 540) * interval '1 minute') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at,
                   random() AS r_unit, random() AS r_proc, random() AS r_channel, random() AS r_outcome, random() AS r_factor, random() AS r_status,
                   random() AS r_name, random() AS r_given, random() AS r_digit
              FROM gen_days d, generate_series(1, d.n) g(i)
             WHERE d.day BETWEEN ${from}::date AND ${to}::date
          ), pick AS (
            SELECT b.*, e.ids[1 + floor(b.r_unit * e.n)::int] AS unit_id, e.late[1 + floor(b.r_unit * e.n)::int] AS late_unit,
                   p.procedure_id, p.version_id, p.code AS procedure_code, p.name AS procedure_name, p.budget
              FROM base b
              JOIN gen_eras e ON b.day BETWEEN e.era_from AND e.era_to
              JOIN gen_procs p ON p.k = 1 + floor(b.r_proc * ${procCount})::int
          ), shaped AS (
            SELECT x.*,
                   CASE WHEN x.r_channel < 0.02 THEN 'post' WHEN x.r_channel < 0.03 + 0.6 * x.progress THEN 'online' ELSE 'counter' END AS channel,
                   CASE WHEN x.r_outcome < (CASE WHEN x.late_unit THEN 0.30 ELSE 0.03 END) THEN 'late'
                        WHEN x.r_outcome < (CASE WHEN x.late_unit THEN 0.55 ELSE 0.45 END) THEN 'on_time' ELSE 'early' END AS planned,
                   -- calendar time ≈ 3 × working time (nights, weekends)
                   x.received_at + (x.budget * 3) * interval '1 minute' AS due_at
              FROM pick x
          ), timed AS (
            SELECT s.*,
                   CASE s.planned WHEN 'early' THEN 0.2 + 0.6 * s.r_factor WHEN 'on_time' THEN 0.92 + 0.08 * s.r_factor ELSE 1.1 + 1.5 * s.r_factor END AS factor
              FROM shaped s
          ), final AS (
            SELECT t.*, t.received_at + (t.budget * 3 * t.factor) * interval '1 minute' AS end_at FROM timed t
          ), ins AS (
          INSERT INTO dossiers (code, procedure_id, procedure_version_id, procedure_name, procedure_code, applicant_kind, applicant_name, channel,
            reception_unit_id, competent_unit_id, returning_unit_id, status, rule_set, calendar_version, statutory_time, budget_minutes, received_at,
            appointment_at, due_at, due_date, remaining_minutes, clock_running, finished_at, outcome, returned_at, result_file_sha256, is_demo)
          SELECT ${tag} || to_char(f.day, 'YYYYMMDD') || '-' || lpad(f.i::text, 5, '0'),
                 f.procedure_id, f.version_id, f.procedure_name, f.procedure_code,
                 CASE WHEN f.r_name < 0.1 THEN 'organisation' ELSE 'individual' END,
                 (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi','Đỗ','Hồ'])[1 + floor(f.r_name * 10)::int] || ' ' ||
                 (ARRAY['Văn An','Thị Bình','Minh Châu','Thu Hà','Quốc Huy','Thị Lan','Văn Nam','Ngọc Mai','Đức Thắng','Thị Hoa'])[1 + floor(f.r_given * 10)::int],
                 f.channel, f.unit_id, f.unit_id, f.unit_id,
                 CASE WHEN f.end_at > ${nowIso}::timestamptz THEN (CASE WHEN f.r_status < 0.1 THEN 'awaiting_supplement' ELSE 'in_process' END)
                      WHEN f.r_status < 0.02 THEN 'withdrawn' WHEN f.r_status < 0.03 THEN 'cancelled'
                      WHEN f.r_status < 0.08 THEN 'result_ready' ELSE 'returned' END,
                 CASE WHEN f.day < '2025-07-01' THEN 'nd61_2018' ELSE 'nd118_2025' END, 0,
                 jsonb_build_object('value', f.budget / 480.0, 'unit', 'working_days'), f.budget, f.received_at,
                 f.due_at, f.due_at, (f.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                 CASE WHEN f.end_at > ${nowIso}::timestamptz
                      THEN f.budget - round(f.budget * extract(epoch FROM (${nowIso}::timestamptz - f.received_at)) / 60 / (f.budget * 3))::int
                      ELSE f.budget - round(f.budget * f.factor)::int END,
                 f.end_at > ${nowIso}::timestamptz AND f.r_status >= 0.1,
                 CASE WHEN f.end_at > ${nowIso}::timestamptz THEN NULL ELSE f.end_at END,
                 CASE WHEN f.end_at > ${nowIso}::timestamptz OR f.r_status < 0.03 THEN NULL ELSE f.planned END,
                 CASE WHEN f.end_at > ${nowIso}::timestamptz OR f.r_status < 0.08 THEN NULL ELSE f.end_at + (f.r_factor * 3) * interval '1 day' END,
                 CASE WHEN f.end_at <= ${nowIso}::timestamptz AND f.r_status >= 0.08 AND f.r_digit < 0.1 + 0.8 * f.progress THEN md5(f.day::text || f.i) || md5(f.i::text || f.day) END,
                 true
            FROM final f
          RETURNING id, code, competent_unit_id, reception_unit_id, received_at, status, returned_at, procedure_id, procedure_code, procedure_name
          ), docs AS (
            -- One checklist line per dossier, digitised more often in later years.
            INSERT INTO dossier_documents (dossier_id, unit_id, idx, name, form, count, received, copies, scan_required, digitised)
            SELECT ins.id, ins.competent_unit_id, 0, 'Tờ khai', 'original', 1, true, 1, true,
                   random() < 0.1 + 0.8 * ((ins.received_at::date - ${start}::date)::float / ${span})
              FROM ins
          )${ratings}
          SELECT count(*)::int AS n FROM ins`);
        inserted += Number(rows(r)[0].n);
      });
      log(`${month}: ${inserted.toLocaleString('en-US')} dossiers so far (${Math.round((Date.now() - t0) / 1000)} s)`);
    }
  } finally {
    await db.execute(sql`ALTER TABLE dossiers ENABLE TRIGGER dashboard_dossiers_fact`);
    await db.execute(sql`ALTER TABLE dossier_documents ENABLE TRIGGER dashboard_dossier_documents_fact`);
    for (const t of ['gen_days', 'gen_eras', 'gen_units', 'gen_procs']) await db.execute(sql.raw(`DROP TABLE IF EXISTS ${t}`));
  }
  const t1 = Date.now();
  log('rebuilding the dashboard read model…');
  await database.transaction(async (tx) => {
    await tx.db.execute(sql`SELECT dashboard_rebuild()`);
    await recordAudit(tx, systemActor('cli'), { action: 'dashboard.generate', subjectType: 'dossiers', after: { dossiers: inserted, years: o.years, from: start, to: end, by: admin ?? null } });
  });
  await db.execute(sql`ANALYZE dossiers`);
  await db.execute(sql`ANALYZE dashboard_facts`);
  await db.execute(sql`ANALYZE dashboard_daily`);
  const rebuildSeconds = (Date.now() - t1) / 1000;
  return { inserted, seconds: (Date.now() - t0) / 1000, rebuildSeconds };
}
