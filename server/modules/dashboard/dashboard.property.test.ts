/**
 * Property: after any sequence of random writes to the dossier tables (insert, update of status / end / outcome /
 * return / clock caches, checklist lines digitised or not, files added or removed, deletions), the dashboard's
 * figures — read from the trigger-kept rollups plus the live open standings — equal EXACTLY the raw-row
 * computations of the dossier module (`getStats`, classification.ts) and of `digitisationRates`, for random
 * periods and units; and the set-based rebuild gives the same rollups as the triggers.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { getStats } from '../dossiers/index.ts';
import { digitisationRates } from '../dossiers/documents/digitisation.ts';
import { subtreeIds } from '../accounts/context.ts';
import { figuresOf, totalCounters } from './figures.ts';
import { makeContext } from '../accounts/context.ts';
import { permissionsOf } from '../accounts/permissions.ts';

const DAY = 86_400_000;
const T0 = new Date('2025-02-01T00:00:00+07:00').getTime();
const NOW = new Date('2025-03-10T10:30:00+07:00');
const STATUSES = ['received', 'in_process', 'awaiting_supplement', 'suspended', 'result_ready', 'returned', 'withdrawn', 'cancelled'] as const;
const ENDED = new Set(['result_ready', 'returned', 'withdrawn', 'cancelled']);

const arbState = fc.record({
  status: fc.constantFrom(...STATUSES),
  channel: fc.constantFrom('counter', 'online', 'post'),
  receivedOffsetMin: fc.integer({ min: 0, max: 60 * 24 * 60 }),
  endAfterMin: fc.integer({ min: 0, max: 20 * 24 * 60 }),
  returnAfterMin: fc.integer({ min: 0, max: 5 * 24 * 60 }),
  outcome: fc.constantFrom('early', 'on_time', 'late', null),
  dueAfterMin: fc.option(fc.integer({ min: -2 * 24 * 60, max: 30 * 24 * 60 }), { nil: null }),
  remaining: fc.integer({ min: -600, max: 5000 }),
  running: fc.boolean(),
  resultSha: fc.boolean(),
  procedure: fc.integer({ min: 0, max: 2 }),
});

const arbOp = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), units: fc.tuple(fc.nat(), fc.nat()), state: arbState, docs: fc.array(fc.record({ received: fc.boolean(), scan: fc.boolean(), digitised: fc.boolean() }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), state: arbState }),
  fc.record({ kind: fc.constant('digitise' as const), pick: fc.nat(), flag: fc.boolean() }),
  fc.record({ kind: fc.constant('file' as const), pick: fc.nat(), isResult: fc.boolean(), digitised: fc.boolean(), reused: fc.boolean() }),
  fc.record({ kind: fc.constant('unfile' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

type State = typeof arbState extends fc.Arbitrary<infer T> ? T : never;
type Op = typeof arbOp extends fc.Arbitrary<infer T> ? T : never;

describe('dashboard read model (property)', () => {
  let s: TestServer;
  let units: string[];
  const procs = [randomUUID(), randomUUID(), randomUUID()];

  before(async () => {
    s = await startTestServer({ SEED: 'demo' });
    // Two communes with their sub-units, and the province: roots and members of the compared subtrees.
    const { rows } = await s.database.query(`SELECT id FROM units WHERE kind = 'commune' AND valid_to IS NULL ORDER BY name LIMIT 2`);
    const communes = rows.map((r) => String(r.id));
    const kids = await s.database.query(`SELECT id FROM units WHERE parent_id = ANY($1::uuid[]) ORDER BY name LIMIT 4`, [communes]);
    units = [...communes, ...kids.rows.map((r) => String(r.id))];
  });
  after(() => s.close());

  function stateCols(st: State) {
    const receivedAt = new Date(T0 + st.receivedOffsetMin * 60_000);
    const ended = ENDED.has(st.status);
    const finishedAt = ended ? new Date(receivedAt.getTime() + st.endAfterMin * 60_000) : null;
    const returnedAt = st.status === 'returned' ? new Date(finishedAt!.getTime() + st.returnAfterMin * 60_000) : null;
    const dueAt = st.dueAfterMin === null ? null : new Date(receivedAt.getTime() + st.dueAfterMin * 60_000);
    return {
      status: st.status,
      channel: st.channel,
      received_at: receivedAt.toISOString(),
      finished_at: finishedAt?.toISOString() ?? null,
      returned_at: returnedAt?.toISOString() ?? null,
      outcome: ended && st.status !== 'withdrawn' && st.status !== 'cancelled' ? st.outcome : null,
      due_at: dueAt?.toISOString() ?? null,
      remaining_minutes: st.remaining,
      clock_running: st.running,
      result_file_sha256: st.resultSha ? 'a'.repeat(64) : null,
      procedure_id: procs[st.procedure],
    };
  }

  async function apply(op: Op, live: string[]) {
    const db = s.database;
    const pick = (n: number) => live[n % live.length];
    if (op.kind === 'insert') {
      const id = randomUUID();
      const c = stateCols(op.state);
      const competent = units[op.units[0] % units.length];
      const reception = units[op.units[1] % units.length];
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO dossiers (id, code, procedure_id, procedure_version_id, procedure_name, procedure_code, applicant_kind, applicant_name, channel,
             reception_unit_id, competent_unit_id, returning_unit_id, status, rule_set, calendar_version, statutory_time, budget_minutes, received_at,
             due_at, remaining_minutes, clock_running, finished_at, outcome, returned_at, result_file_sha256)
           VALUES ($1, $2, $3, $3, 'Thủ tục thử', 'T-1', 'individual', 'Người thử', $4, $5, $6, $6, $7, 'nd118_2025', 0, '{"value":3,"unit":"working_days"}', 1440, $8,
             $9, $10, $11, $12, $13, $14, $15)`,
          [id, `PT-${id}`, c.procedure_id, c.channel, reception, competent, c.status, c.received_at, c.due_at, c.remaining_minutes, c.clock_running, c.finished_at, c.outcome, c.returned_at, c.result_file_sha256],
        );
        for (const [i, d] of op.docs.entries()) {
          await tx.query(`INSERT INTO dossier_documents (dossier_id, unit_id, idx, name, form, count, received, copies, scan_required, digitised) VALUES ($1, $2, $3, 'Giấy tờ', 'original', 1, $4, 1, $5, $6)`, [id, competent, i, d.received, d.scan, d.digitised]);
        }
      });
      live.push(id);
    } else if (live.length === 0) {
      return;
    } else if (op.kind === 'update') {
      const c = stateCols(op.state);
      await db.query(
        `UPDATE dossiers SET status = $2, channel = $3, received_at = $4, finished_at = $5, returned_at = $6, outcome = $7, due_at = $8, remaining_minutes = $9,
           clock_running = $10, result_file_sha256 = $11, procedure_id = $12 WHERE id = $1`,
        [pick(op.pick), c.status, c.channel, c.received_at, c.finished_at, c.returned_at, c.outcome, c.due_at, c.remaining_minutes, c.clock_running, c.result_file_sha256, c.procedure_id],
      );
    } else if (op.kind === 'digitise') {
      await db.query(`UPDATE dossier_documents SET digitised = $2 WHERE id = (SELECT id FROM dossier_documents WHERE dossier_id = $1 ORDER BY idx LIMIT 1)`, [pick(op.pick), op.flag]);
    } else if (op.kind === 'file') {
      const id = pick(op.pick);
      const prev = op.reused ? (await db.query(`SELECT id FROM dossier_files WHERE dossier_id <> $1 LIMIT 1`, [id])).rows[0]?.id : null;
      await db.query(
        `INSERT INTO dossier_files (dossier_id, unit_id, document_id, is_result, sha256, media_type, size_bytes, digitised, reused_from_id)
         SELECT $1, competent_unit_id, NULL, $2, md5(random()::text), 'application/pdf', 10, $3, $4 FROM dossiers WHERE id = $1`,
        [id, op.isResult, op.digitised, prev ?? null],
      );
    } else if (op.kind === 'unfile') {
      await db.query(`DELETE FROM dossier_files WHERE id = (SELECT id FROM dossier_files WHERE dossier_id = $1 AND id NOT IN (SELECT reused_from_id FROM dossier_files WHERE reused_from_id IS NOT NULL) LIMIT 1)`, [pick(op.pick)]);
    } else {
      const id = pick(op.pick);
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE dossier_files SET reused_from_id = NULL WHERE reused_from_id IN (SELECT id FROM dossier_files WHERE dossier_id = $1)`, [id]);
        await tx.query(`DELETE FROM dossier_files WHERE dossier_id = $1`, [id]);
        await tx.query(`DELETE FROM dossier_documents WHERE dossier_id = $1`, [id]);
        await tx.query(`DELETE FROM dossiers WHERE id = $1`, [id]);
      });
      live.splice(live.indexOf(id), 1);
    }
  }

  async function rollupSnapshot() {
    const q = async (t: string, key: string) =>
      (await s.database.query(`SELECT * FROM ${t} WHERE (received, finished, early, on_time, late, apart, used_minutes, budget_minutes, dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised) <> (0,0,0,0,0,0,0,0,0,0,0,0,0,0) ORDER BY ${key}`)).rows;
    return {
      daily: await q('dashboard_daily', 'unit_id, day, channel'),
      monthly: await q('dashboard_monthly', 'unit_id, month, channel'),
      monthlyProcedure: await q('dashboard_monthly_procedure', 'unit_id, month, procedure_id'),
    };
  }

  test('rollup figures equal the raw-row computation after random operations', async () => {
    const { rows } = await s.database.query(`SELECT u.id, u.full_name FROM users u WHERE u.username = 'admin'`);
    const grants = [{ id: 'g', role: 'admin' as const, unitId: null }];
    const admin = makeContext(s.database.db, { userId: String(rows[0].id), label: 'admin', requestId: null }, { userId: String(rows[0].id), username: 'admin', fullName: 'admin', grants, permissions: permissionsOf(grants), mustChangePassword: false }, 'vi');
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbOp, { minLength: 1, maxLength: 25 }),
        fc.array(fc.record({ root: fc.nat(), a: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 0, max: 60 }) }), { minLength: 2, maxLength: 3 }),
        async (ops, checks) => {
          const live: string[] = [];
          const before = await rollupSnapshot();
          try {
            for (const op of ops) await apply(op, live);
            // Random periods (daily rollup) and whole months (monthly rollup).
            const periods = [
              ...checks.map((c) => ({ root: c.root, from: new Date(T0 - 10 * DAY + c.a * DAY).toISOString().slice(0, 10), to: new Date(T0 - 10 * DAY + (c.a + c.len) * DAY).toISOString().slice(0, 10) })),
              { root: checks[0].root + 1, from: '2025-02-01', to: '2025-02-28' },
              { root: checks[0].root, from: '2025-03-01', to: '2025-04-30' },
            ];
            for (const c of periods) {
              const root = units[c.root % units.length];
              const { from, to } = c;
              const ids = await subtreeIds(s.database.db, [root]);
              const mine = figuresOf(await totalCounters(s.database.db, ids, from, to, 'then', NOW));
              const raw = await getStats({ database: s.database, queue: null }, admin, { unitId: root, from, to }, NOW);
              const dig = await digitisationRates(s.database.db, { unitIds: ids, from, to });
              assert.deepEqual(
                { received: mine.received, finishedEarly: mine.early, finishedOnTime: mine.onTime, finishedLate: mine.late, openOnTrack: mine.openOnTrack, openDueSoon: mine.openDueSoon, openOverdue: mine.openOverdue, withdrawnOrCancelled: mine.apart },
                raw.counts,
              );
              assert.equal(mine.onTimeRate, raw.onTimeRate);
              assert.equal(mine.onTimeRateFinishedOnly, raw.onTimeRateFinishedOnly);
              const { received, nothingToScan, digitised, reused, returned, resultsDigitised, rate, rateAll, resultRate, reuseRate } = dig.totals;
              assert.deepEqual(mine.digitisation, { received, nothingToScan, digitised, reused, returned, resultsDigitised, rate, rateAll, resultRate, reuseRate });
            }
            const byTriggers = await rollupSnapshot();
            await s.database.query('SELECT dashboard_rebuild()');
            assert.deepEqual(await rollupSnapshot(), byTriggers);
          } finally {
            for (const id of [...live]) await apply({ kind: 'delete', pick: live.indexOf(id) }, live);
          }
          // Everything removed → every counter back to where it was.
          assert.deepEqual(await rollupSnapshot(), before);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30) },
    );
  });
});
