/**
 * The undo log of a plan (`reorganisation_changes`): participants snapshot the columns they are about to change
 * (set-based, straight from the table) and note the rows they insert. A rollback restores the snapshots and deletes
 * the inserted rows, in reverse order.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/** Tables a plan may write, and the columns it may change in each (a closed list: names go into SQL). */
export const RESTORABLE: Record<string, readonly string[]> = {
  units: ['valid_to', 'version', 'updated_at'],
  dossiers: ['reception_unit_id', 'competent_unit_id', 'returning_unit_id', 'version', 'updated_at'],
  dossier_steps: ['unit_id'],
  role_grants: ['valid_to', 'revoked_at'],
  procedures: ['owner_unit_id', 'version', 'updated_at'],
  procedure_versions: ['owner_unit_id'],
  feedback_items: ['unit_id'],
  feedback_mailboxes: ['unit_id'],
  reform_tasks: ['unit_id', 'assignee_unit_id', 'version', 'updated_at'],
  inspection_recommendations: ['responsible_unit_id', 'version', 'updated_at'],
  portal_submissions: ['reception_unit_id', 'version', 'updated_at'],
};
export const INSERTABLE = new Set(['units', 'unit_lineage', 'reorganisation_routes', 'role_grants', 'dossier_unit_transfers', 'procedure_versions']);

export class ChangeLog {
  private seq = 0;
  /** Rows already snapshotted: the first snapshot is the state before the plan; later ones are skipped. */
  private readonly taken = new Set<string>();
  constructor(
    private readonly tx: Tx,
    readonly planId: string,
  ) {}

  /** Snapshots the restorable columns of rows `ids` of `table` before the participant updates them. */
  async snapshot(participant: string, table: string, ids: string[]): Promise<void> {
    const cols = RESTORABLE[table];
    if (!cols) throw new Error(`table ${table} is not restorable`);
    ids = [...new Set(ids)].filter((i) => !this.taken.has(`${table}:${i}`));
    if (ids.length === 0) return;
    for (const i of ids) this.taken.add(`${table}:${i}`);
    const obj = sql.raw(`jsonb_build_object(${cols.map((c) => `'${c}', t.${c}`).join(', ')})`);
    const base = this.seq;
    this.seq += ids.length;
    await this.tx.db.execute(sql`
      INSERT INTO reorganisation_changes (plan_id, seq, participant, action, table_name, row_id, before)
      SELECT ${this.planId}::uuid, ${base} + row_number() OVER (ORDER BY t.id), ${participant}, 'update', ${table}, t.id, ${obj}
      FROM ${sql.raw(table)} t WHERE t.id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  }

  /** Notes rows the participant inserted (deleted again by a rollback). */
  async inserted(participant: string, table: string, ids: string[]): Promise<void> {
    if (!INSERTABLE.has(table)) throw new Error(`table ${table} is not insertable`);
    if (ids.length === 0) return;
    const base = this.seq;
    this.seq += ids.length;
    await this.tx.db.execute(sql`
      INSERT INTO reorganisation_changes (plan_id, seq, participant, action, table_name, row_id)
      SELECT ${this.planId}::uuid, ${base} + x.n, ${participant}, 'insert', ${table}, x.id
      FROM unnest(${`{${ids.join(',')}}`}::uuid[]) WITH ORDINALITY AS x(id, n)`);
  }
}

/**
 * Undoes a plan's changes: in reverse order of the log, restores each snapshot group and deletes each insert group.
 * Returns the number of rows restored or deleted.
 */
export async function undoChanges(tx: Tx, planId: string): Promise<number> {
  const groups = (await tx.db.execute(sql`
    SELECT participant, action, table_name, max(seq) AS last, count(*)::int AS n FROM reorganisation_changes WHERE plan_id = ${planId}::uuid
    GROUP BY participant, action, table_name ORDER BY max(seq) DESC`)) as unknown as { rows: Array<{ participant: string; action: string; table_name: string; n: number }> };
  let total = 0;
  for (const g of groups.rows) {
    const table = g.table_name;
    if (g.action === 'update') {
      const cols = RESTORABLE[table];
      if (!cols) throw new Error(`table ${table} is not restorable`);
      await tx.db.execute(sql`
        UPDATE ${sql.raw(table)} t SET ${sql.raw(cols.map((c) => `${c} = r.${c}`).join(', '))}
        FROM (SELECT c.row_id, (jsonb_populate_record(NULL::${sql.raw(table)}, c.before)).* FROM reorganisation_changes c
              WHERE c.plan_id = ${planId}::uuid AND c.table_name = ${table} AND c.action = 'update' AND c.participant = ${g.participant}) r
        WHERE t.id = r.row_id`);
    } else {
      if (!INSERTABLE.has(table)) throw new Error(`table ${table} is not insertable`);
      // Units are deleted children first (the log holds parents before children).
      await tx.db.execute(sql`
        DELETE FROM ${sql.raw(table)} t USING reorganisation_changes c
        WHERE c.plan_id = ${planId}::uuid AND c.table_name = ${table} AND c.action = 'insert' AND c.participant = ${g.participant} AND t.id = c.row_id`);
    }
    total += g.n;
  }
  return total;
}
