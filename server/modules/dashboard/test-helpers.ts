/** Fixture dossiers for the dashboard tests, written as rows (the triggers keep the read model, as in production). */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';

export interface FixtureDossier {
  code: string;
  competent: string;
  reception?: string;
  channel?: 'counter' | 'online' | 'post';
  status: string;
  receivedAt: string;
  finishedAt?: string;
  outcome?: 'early' | 'on_time' | 'late';
  returnedAt?: string;
  dueAt?: string | null;
  remaining?: number;
  running?: boolean;
  resultSha?: string;
  procedureId?: string;
  procedureName?: string;
  budget?: number;
  /** Checklist lines: [received, scan required, digitised]. */
  docs?: Array<[boolean, boolean, boolean]>;
}

export const FIXTURE_PROCEDURE = '00000000-0000-4000-8000-000000000766';

/** Inserts a dossier row (and its checklist) in one transaction; returns its id. */
export async function insertDossier(database: Database, d: FixtureDossier): Promise<string> {
  const id = randomUUID();
  await database.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO dossiers (id, code, procedure_id, procedure_version_id, procedure_name, procedure_code, applicant_kind, applicant_name, channel,
         reception_unit_id, competent_unit_id, returning_unit_id, status, rule_set, calendar_version, statutory_time, budget_minutes, received_at,
         due_at, remaining_minutes, clock_running, finished_at, outcome, returned_at, result_file_sha256)
       VALUES ($1, $2, $3, $3, $4, 'TT-766', 'individual', 'Nguyễn Văn Thử', $5, $6, $7, $7, $8, 'nd118_2025', 0, '{"value":3,"unit":"working_days"}', $9, $10,
         $11, $12, $13, $14, $15, $16, $17)`,
      [
        id, d.code, d.procedureId ?? FIXTURE_PROCEDURE, d.procedureName ?? 'Chứng thực bản sao từ bản chính', d.channel ?? 'counter', d.reception ?? d.competent, d.competent, d.status,
        d.budget ?? 1440, d.receivedAt, d.dueAt ?? null, d.remaining ?? 0, d.running ?? true, d.finishedAt ?? null, d.outcome ?? null, d.returnedAt ?? null, d.resultSha ?? null,
      ],
    );
    for (const [i, [received, scan, digitised]] of (d.docs ?? []).entries()) {
      await tx.query(`INSERT INTO dossier_documents (dossier_id, unit_id, idx, name, form, count, received, copies, scan_required, digitised) VALUES ($1, $2, $3, 'Giấy tờ', 'original', 1, $4, 1, $5, $6)`, [id, d.competent, i, received, scan, digitised]);
    }
  });
  return id;
}

/** Moves a dossier to another unit the way a re-organisation plan does: a transfer row, then the new units. */
export async function transferDossier(database: Database, dossierId: string, toUnit: string, at: string) {
  await database.transaction(async (tx) => {
    const plan = await tx.query(`INSERT INTO reorganisation_plans (title, decision_ref, effective_date, operations) VALUES ('Sắp xếp thử', 'NQ thử', $1::date, '[]') RETURNING id`, [at.slice(0, 10)]);
    await tx.query(
      `INSERT INTO dossier_unit_transfers (plan_id, dossier_id, transferred_at, from_reception_unit_id, from_competent_unit_id, from_returning_unit_id, to_reception_unit_id, to_competent_unit_id, to_returning_unit_id)
       SELECT $1, id, $3, reception_unit_id, competent_unit_id, returning_unit_id, $2, $2, $2 FROM dossiers WHERE id = $4`,
      [plan.rows[0].id, toUnit, at, dossierId],
    );
    await tx.query(`UPDATE dossiers SET reception_unit_id = $2, competent_unit_id = $2, returning_unit_id = $2 WHERE id = $1`, [dossierId, toUnit]);
  });
}
