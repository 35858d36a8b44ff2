/**
 * Digitisation rates (tỷ lệ số hóa), computed from the rows, per unit and period. Periods are Vietnamese calendar
 * dates, inclusive (`from` 00:00 to `to` 24:00, UTC+7).
 *
 *   dossier rate      = dossiers digitised ÷ (dossiers received − dossiers with nothing to scan)
 *   dossier rate (all) = dossiers digitised ÷ dossiers received                 (DVCQG 766 indicator 4.2 style)
 *   result rate       = results digitised ÷ results returned
 *   reuse rate        = dossiers with ≥ 1 reused file ÷ dossiers received       (766 indicator 4.3)
 *
 * where
 *   received          = dossiers whose `received_at` lies in the period, counted at their reception point
 *                       (digitisation at receipt is the counter's work);
 *   digitised         = among them, every checklist line that was received and needs a scan is marked digitised,
 *                       and there is at least one such line (the dossier detail's `digitised` flag);
 *   nothing to scan   = no received line needs a scan (documents only shown for inspection, TT 03/2025 Art. 5(2)):
 *                       left out of the first rate's denominator rather than counted as a failure or a success;
 *   returned          = dossiers whose result was returned (status `returned`) with `returned_at` in the period,
 *                       counted at their competent authority (which issues the result);
 *   result digitised  = the dossier has a digitised result file (`dossier_files.is_result`) or a digitised result
 *                       recorded on the dossier (`dossiers.result_file_sha256`).
 * A rate whose denominator is 0 is null (shown as "N/A").
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { addDays } from '../../../platform/clock.ts';

export const DIGITISATION_FORMULA = {
  dossiers: 'dossier rate = dossiers whose every received document needing a scan is digitised ÷ (dossiers received − dossiers with nothing to scan), by reception point and receipt date',
  dossiersAll: 'dossier rate (all) = dossiers digitised ÷ dossiers received',
  results: 'result rate = dossiers returned with a digitised result ÷ dossiers returned, by competent authority and return date',
  reuse: 'reuse rate = dossiers received with at least one reused file ÷ dossiers received',
} as const;

export interface DigitisationQuery {
  /** Units to count (the caller expands subtrees); null = every unit. */
  unitIds: readonly string[] | null;
  /** 'YYYY-MM-DD', Vietnam dates, inclusive. */
  from: string;
  to: string;
}

export interface UnitDigitisation {
  unitId: string;
  received: number;
  nothingToScan: number;
  digitised: number;
  reused: number;
  returned: number;
  resultsDigitised: number;
  rate: number | null;
  rateAll: number | null;
  resultRate: number | null;
  reuseRate: number | null;
}

export interface DigitisationRates {
  from: string;
  to: string;
  totals: Omit<UnitDigitisation, 'unitId'>;
  byUnit: UnitDigitisation[];
  formula: typeof DIGITISATION_FORMULA;
}

const vnStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);
const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

function withRates(c: Omit<UnitDigitisation, 'unitId' | 'rate' | 'rateAll' | 'resultRate' | 'reuseRate'>): Omit<UnitDigitisation, 'unitId'> {
  return {
    ...c,
    rate: ratio(c.digitised, c.received - c.nothingToScan),
    rateAll: ratio(c.digitised, c.received),
    resultRate: ratio(c.resultsDigitised, c.returned),
    reuseRate: ratio(c.reused, c.received),
  };
}

const inUnits = (column: SQL, unitIds: readonly string[] | null): SQL => {
  if (unitIds === null) return sql`true`;
  if (unitIds.length === 0) return sql`false`;
  return sql`${column} = ANY(ARRAY[${sql.join(unitIds.map((u) => sql`${u}::uuid`), sql`, `)}])`;
};

type Row = Record<string, unknown>;
const rowsOf = (res: unknown) => (res as { rows: Row[] }).rows;

/**
 * Digitisation of the dossiers received and the results returned in a period, per unit and in total (formulas in
 * the module comment and in DIGITISATION_FORMULA). For the dashboard and the reform evidence.
 */
export async function digitisationRates(db: Db, q: DigitisationQuery): Promise<DigitisationRates> {
  const from = vnStart(q.from).toISOString();
  const to = vnStart(addDays(q.to, 1)).toISOString();
  const toScan = sql`dd.dossier_id = d.id AND dd.received AND dd.scan_required`;
  const [received, returned] = await Promise.all([
    db.execute(sql`
      SELECT d.reception_unit_id AS unit_id,
             count(*)::int AS received,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM dossier_documents dd WHERE ${toScan}))::int AS nothing_to_scan,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_documents dd WHERE ${toScan})
                               AND NOT EXISTS (SELECT 1 FROM dossier_documents dd WHERE ${toScan} AND NOT dd.digitised))::int AS digitised,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.reused_from_id IS NOT NULL))::int AS reused
        FROM dossiers d
       WHERE d.received_at >= ${from}::timestamptz AND d.received_at < ${to}::timestamptz
         AND ${inUnits(sql`d.reception_unit_id`, q.unitIds)}
       GROUP BY d.reception_unit_id`),
    db.execute(sql`
      SELECT d.competent_unit_id AS unit_id,
             count(*)::int AS returned,
             count(*) FILTER (WHERE d.result_file_sha256 IS NOT NULL
                               OR EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.is_result AND f.digitised))::int AS results_digitised
        FROM dossiers d
       WHERE d.status = 'returned' AND d.returned_at >= ${from}::timestamptz AND d.returned_at < ${to}::timestamptz
         AND ${inUnits(sql`d.competent_unit_id`, q.unitIds)}
       GROUP BY d.competent_unit_id`),
  ]);
  const units = new Map<string, { received: number; nothingToScan: number; digitised: number; reused: number; returned: number; resultsDigitised: number }>();
  const unit = (id: string) => {
    let u = units.get(id);
    if (!u) units.set(id, (u = { received: 0, nothingToScan: 0, digitised: 0, reused: 0, returned: 0, resultsDigitised: 0 }));
    return u;
  };
  for (const r of rowsOf(received)) Object.assign(unit(String(r.unit_id)), { received: Number(r.received), nothingToScan: Number(r.nothing_to_scan), digitised: Number(r.digitised), reused: Number(r.reused) });
  for (const r of rowsOf(returned)) Object.assign(unit(String(r.unit_id)), { returned: Number(r.returned), resultsDigitised: Number(r.results_digitised) });
  const byUnit = [...units.entries()].map(([unitId, c]) => ({ unitId, ...withRates(c) })).sort((a, b) => a.unitId.localeCompare(b.unitId));
  const sum = (k: 'received' | 'nothingToScan' | 'digitised' | 'reused' | 'returned' | 'resultsDigitised') => byUnit.reduce((a, u) => a + u[k], 0);
  return {
    from: q.from,
    to: q.to,
    totals: withRates({ received: sum('received'), nothingToScan: sum('nothingToScan'), digitised: sum('digitised'), reused: sum('reused'), returned: sum('returned'), resultsDigitised: sum('resultsDigitised') }),
    byUnit,
    formula: DIGITISATION_FORMULA,
  };
}
