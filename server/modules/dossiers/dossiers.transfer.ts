/**
 * Entry point for the re-organisation of units (server/modules/reorganisation/): moves open dossiers to their
 * successor authority. The dossier keeps its code, its appointment and its clock; its three units and the unit of
 * each step not yet done change; the timeline gets a `transferred` event (with the former and the new units), so
 * the control slip and the public tracking page show the transfer. Set-based: thousands of dossiers in a few
 * statements, inside the caller's transaction. The caller records what it needs to undo (it owns the plan).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../audit/audit.service.ts';

export interface DossierMove {
  dossierId: string;
  receptionUnitId: string;
  competentUnitId: string;
  returningUnitId: string;
}

export interface TransferInput {
  moves: DossierMove[];
  /** Former unit → successor, applied to the steps not yet done (pending, handed, active). */
  stepUnits: Array<{ from: string; to: string }>;
  /** Moment the transfer takes legal effect; the event is dated no earlier than the dossier's last event, nor later than now. */
  at: Date;
  actor: Actor;
  note: string;
  detail: Record<string, unknown>;
}

/** Moves the dossiers; returns how many were moved. */
export async function transferDossiers(tx: Tx, input: TransferInput): Promise<number> {
  if (input.moves.length === 0) return 0;
  const moves = JSON.stringify(input.moves.map((m) => ({ id: m.dossierId, r: m.receptionUnitId, c: m.competentUnitId, t: m.returningUnitId })));
  const ids = sql`(SELECT m.id FROM jsonb_to_recordset(${moves}::jsonb) AS m(id uuid))`;
  await tx.db.execute(sql`
    INSERT INTO dossier_events (dossier_id, unit_id, seq, kind, at, actor_id, actor_name, from_unit_id, to_unit_id, note, detail)
    SELECT d.id, m.c, coalesce(e.seq, 0) + 1, 'transferred',
      least(greatest(${input.at.toISOString()}::timestamptz, coalesce(e.last_at, d.received_at)), now()),
      ${input.actor.userId}::uuid, ${input.actor.label}, d.competent_unit_id, m.c, ${input.note},
      jsonb_build_object(
        'from', jsonb_build_object('reception', d.reception_unit_id, 'competent', d.competent_unit_id, 'returning', d.returning_unit_id),
        'to', jsonb_build_object('reception', m.r, 'competent', m.c, 'returning', m.t)) || ${JSON.stringify(input.detail)}::jsonb
    FROM jsonb_to_recordset(${moves}::jsonb) AS m(id uuid, r uuid, c uuid, t uuid)
    JOIN dossiers d ON d.id = m.id
    LEFT JOIN (SELECT dossier_id, max(seq) AS seq, max(at) AS last_at FROM dossier_events WHERE dossier_id IN ${ids} GROUP BY dossier_id) e ON e.dossier_id = d.id`);
  if (input.stepUnits.length > 0) {
    await tx.db.execute(sql`
      UPDATE dossier_steps s SET unit_id = mp.to_unit
      FROM jsonb_to_recordset(${JSON.stringify(input.stepUnits.map((x) => ({ from_unit: x.from, to_unit: x.to })))}::jsonb) AS mp(from_unit uuid, to_unit uuid)
      WHERE s.unit_id = mp.from_unit AND s.state IN ('pending', 'handed', 'active') AND s.dossier_id IN ${ids}`);
  }
  const res = (await tx.db.execute(sql`
    UPDATE dossiers d SET reception_unit_id = m.r, competent_unit_id = m.c, returning_unit_id = m.t, version = d.version + 1, updated_at = now()
    FROM jsonb_to_recordset(${moves}::jsonb) AS m(id uuid, r uuid, c uuid, t uuid)
    WHERE d.id = m.id RETURNING d.id`)) as unknown as { rows: unknown[] };
  return res.rows.length;
}

/**
 * Records on the timeline that a transfer was undone (the timeline is append-only: the `transferred` event stays).
 * The caller restores the units itself.
 */
export async function recordTransferReverted(tx: Tx, input: { dossierIds: string[]; actor: Actor; note: string; detail: Record<string, unknown> }): Promise<void> {
  if (input.dossierIds.length === 0) return;
  const ids = sql`SELECT unnest(${`{${input.dossierIds.join(',')}}`}::uuid[])`;
  await tx.db.execute(sql`
    INSERT INTO dossier_events (dossier_id, unit_id, seq, kind, at, actor_id, actor_name, from_unit_id, to_unit_id, note, detail)
    SELECT d.id, d.competent_unit_id, coalesce(e.seq, 0) + 1, 'transfer_reverted', greatest(now(), coalesce(e.last_at, now())),
      ${input.actor.userId}::uuid, ${input.actor.label}, NULL, d.competent_unit_id, ${input.note}, ${JSON.stringify(input.detail)}::jsonb
    FROM dossiers d
    LEFT JOIN (SELECT dossier_id, max(seq) AS seq, max(at) AS last_at FROM dossier_events WHERE dossier_id IN (${ids}) GROUP BY dossier_id) e ON e.dossier_id = d.id
    WHERE d.id IN (${ids})`);
}
