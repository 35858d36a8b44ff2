/** Set-up shared by the re-organisation tests: small unit trees, set-based dossiers, feedback and grants. */
import type { TestServer } from '../../test-support/server.ts';

export async function mkUnit(s: TestServer, name: string, kind: string, parentId: string | null, validFrom = '2015-01-01'): Promise<string> {
  const { rows } = await s.database.query('INSERT INTO units (name, kind, parent_id, valid_from) VALUES ($1, $2, $3, $4) RETURNING id', [name, kind, parentId, validFrom]);
  return rows[0].id as string;
}

/** A demo procedure version to hang generated dossiers on. */
export async function anyProcedure(s: TestServer): Promise<{ procedureId: string; versionId: string; code: string; name: string }> {
  const { rows } = await s.database.query(`SELECT v.procedure_id, v.id, v.code, v.name FROM procedure_versions v WHERE v.code = 'TY-HT-04' ORDER BY v.version_no LIMIT 1`, []);
  return { procedureId: rows[0].procedure_id as string, versionId: rows[0].id as string, code: rows[0].code as string, name: rows[0].name as string };
}

/**
 * Inserts `n` dossiers at `unitId` (reception, competent and returning), set-based, with two steps each (one done,
 * one active at the same unit). `open` of them are in process; the others returned on time, finished a week after
 * receipt. Receipts are spread over [from, to). Returns nothing; codes are `${prefix}-000001`….
 */
export async function insertDossiers(s: TestServer, o: { prefix: string; unitId: string; n: number; open: number; from: string; to: string }): Promise<void> {
  const p = await anyProcedure(s);
  await s.database.query(
    `INSERT INTO dossiers (code, procedure_id, procedure_version_id, procedure_name, procedure_code, applicant_kind, applicant_name, channel,
       reception_unit_id, competent_unit_id, returning_unit_id, status, rule_set, calendar_version, statutory_time, budget_minutes,
       received_at, appointment_at, due_at, remaining_minutes, clock_running, finished_at, outcome, returned_at, current_step_seq)
     SELECT $1 || '-' || lpad(g::text, 6, '0'), $2, $3, $4, $5, 'individual', 'Người nộp ' || g, CASE WHEN g % 3 = 0 THEN 'online' ELSE 'counter' END,
       $6, $6, $6, CASE WHEN g <= $7 THEN 'in_process' ELSE 'returned' END, 'nd61_2018', 0, '{"value": 5, "unit": "working_day"}'::jsonb, 2250,
       r.at, r.at + interval '7 days', r.at + interval '7 days', CASE WHEN g <= $7 THEN 900 ELSE 300 END, g <= $7,
       CASE WHEN g <= $7 THEN NULL ELSE r.at + interval '6 days' END, CASE WHEN g <= $7 THEN NULL WHEN g % 5 = 0 THEN 'late' ELSE 'on_time' END,
       CASE WHEN g <= $7 THEN NULL ELSE r.at + interval '6 days' END, CASE WHEN g <= $7 THEN 2 ELSE NULL END
     FROM generate_series(1, $8::int) g,
       LATERAL (SELECT $9::timestamptz + (($10::timestamptz - $9::timestamptz) * ((g * 7919) % $8) / $8) AS at) r`,
    [o.prefix, p.procedureId, p.versionId, p.name, p.code, o.unitId, o.open, o.n, o.from, o.to],
  );
  await s.database.query(
    `INSERT INTO dossier_steps (dossier_id, unit_id, seq, kind, role, share_percent, budget_minutes, cumulative_minutes, state)
     SELECT d.id, $2, x.seq, x.kind, x.role, 50, 1125, 1125 * x.seq, CASE WHEN x.seq = 1 THEN 'done' WHEN d.status = 'in_process' THEN 'active' ELSE 'done' END
     FROM dossiers d, (VALUES (1, 'receive', 'counter_officer'), (2, 'appraise', 'specialist')) AS x(seq, kind, role)
     WHERE d.code LIKE $1 || '-%'`,
    [o.prefix, o.unitId],
  );
  await s.database.query(
    `INSERT INTO dossier_events (dossier_id, unit_id, seq, kind, at) SELECT d.id, $2, 1, 'received', d.received_at FROM dossiers d WHERE d.code LIKE $1 || '-%'`,
    [o.prefix, o.unitId],
  );
  await s.database.query(
    `INSERT INTO dossier_clock_segments (dossier_id, unit_id, seq, kind, at, minutes)
     SELECT d.id, $2::uuid, 1, 'running', d.received_at, d.budget_minutes FROM dossiers d WHERE d.code LIKE $1 || '-%'
     UNION ALL SELECT d.id, $2::uuid, 2, 'stopped', d.finished_at, 0 FROM dossiers d WHERE d.code LIKE $1 || '-%' AND d.finished_at IS NOT NULL`,
    [o.prefix, o.unitId],
  );
}

/** Inserts `n` feedback items at `unitId`; the first `open` are new, the rest closed. */
export async function insertFeedback(s: TestServer, o: { prefix: string; unitId: string; n: number; open: number }): Promise<void> {
  await s.database.query(
    `INSERT INTO feedback_items (code, channel, type, field, body, unit_id, received_at, status, ack_days, answer_days, ack_due_at, answer_due_at, calendar_version)
     SELECT $1 || '-' || lpad(g::text, 5, '0'), 'web', 'complaint', 'other', 'Nội dung phản ánh ' || g, $2, now() - interval '3 days',
       CASE WHEN g <= $3 THEN 'new' ELSE 'closed' END, 2, 10, now(), now() + interval '7 days', 0
     FROM generate_series(1, $4::int) g`,
    [o.prefix, o.unitId, o.open, o.n],
  );
}

export async function grant(s: TestServer, username: string, role: string, unitId: string): Promise<string> {
  const { rows } = await s.database.query(
    `WITH u AS (INSERT INTO users (username, full_name) VALUES ($1, $1) ON CONFLICT (username) DO UPDATE SET full_name = excluded.full_name RETURNING id)
     INSERT INTO role_grants (user_id, role, unit_id, valid_from) SELECT id, $2, $3, '2015-01-01' FROM u RETURNING id`,
    [username, role, unitId],
  );
  return rows[0].id as string;
}

export const count = async (s: TestServer, sqlText: string, values: unknown[] = []) => Number((await s.database.query(sqlText, values)).rows[0].n);
