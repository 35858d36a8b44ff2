/**
 * Reading dossiers: detail (with the access log row), lists and work queues, statistics, the control slip,
 * and the bulk reassignment of officials. Receipt is in dossiers.receive.ts; transitions in dossiers.transitions.ts.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListDossiersQuery, ReassignBody, StatsQuery } from '../../../contracts/dossiers.ts';
import type { Database } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Queue } from '../../platform/queue.ts';
import { subtreeIds, type Context, type Scope } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { calendarFor } from './calendar-adapter.ts';
import { DUE_SOON_MS, ON_TIME_RATE_FORMULA, onTimeRate, standingOf, type ClassifiableDossier } from './classification.ts';
import type { ClockEntry } from './clock.ts';
import { deriveDossier } from './derive.ts';
import { ACTIONS, QUEUE_VALUES, type ClockKind, type Outcome, type QueueName } from './dossiers.kinds.ts';
import { allowedActions, canRead, type PolicyScopes } from './dossiers.policy.ts';
import { presentDetail, presentSummary, unitIdsOf } from './dossiers.present.ts';
import {
  countWhere,
  findActiveGrants,
  findAncestors,
  findDossierByCode,
  findDossierById,
  findForStats,
  findStepsOf,
  findUnits,
  findUser,
  findUserNames,
  lastSeqs,
  listDossiers as listRows,
  loadAggregate,
  loadFull,
  recordAccess,
  type ClockRow,
  type DossierRow,
  type FullAggregate,
  type UnitInfo,
  type UnitScope,
} from './dossiers.repository.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { dossierEvents, dossiers, dossierSteps } from './dossiers.schema.ts';
import { forgetTracking } from './tracking-cache.ts';

/** What the dossier use cases need from the platform. */
export interface DossierDeps {
  database: Database;
  /** Null when the server runs without a queue (no notification is sent then). */
  queue: Queue | null;
}

/** The caller's scopes for the four dossier permissions. */
export async function policyScopes(ctx: Context): Promise<PolicyScopes> {
  const [read, receive, process, approve] = await Promise.all([ctx.scope('dossiers.read'), ctx.scope('dossiers.receive'), ctx.scope('dossiers.process'), ctx.scope('dossiers.approve')]);
  return { read, receive, process, approve };
}

const scopeIds = (s: Scope): UnitScope => (s.all ? 'all' : [...s.ids]);

export const clockEntriesOf = (rows: readonly ClockRow[]): ClockEntry[] => rows.map((r) => ({ kind: r.kind as ClockKind, at: r.at, minutes: r.minutes }));

export interface DetailOptions {
  /** Record that the caller opened the dossier (default true; the applicant sees it on the tracking page). */
  recordAccess?: boolean;
  now?: Date;
}

/**
 * A dossier with everything about it, and the actions the caller may take now. Each read by an official is
 * logged (dossier_access_log), as promised to the applicant on the tracking page.
 * @throws NOT_FOUND when the dossier does not exist or lies outside every unit the caller may read.
 */
export async function getDossierDetail(deps: DossierDeps, ctx: Context, id: string, opts: DetailOptions = {}) {
  const db = deps.database.db;
  const now = opts.now ?? new Date();
  const row = await findDossierById(db, id);
  if (!row) throw notFound('dossier');
  return detailOf(deps, ctx, row, now, opts.recordAccess ?? true);
}

/** Same as getDossierDetail, by dossier code. */
export async function getDossierByCode(deps: DossierDeps, ctx: Context, code: string, opts: DetailOptions = {}) {
  const row = await findDossierByCode(deps.database.db, code.trim().toUpperCase());
  if (!row) throw notFound('dossier');
  return detailOf(deps, ctx, row, opts.now ?? new Date(), opts.recordAccess ?? true);
}

async function detailOf(deps: DossierDeps, ctx: Context, row: DossierRow, now: Date, record: boolean) {
  const db = deps.database.db;
  const [full, scopes] = await Promise.all([loadFull(db, row), policyScopes(ctx)]);
  if (!canRead(scopes, row, full.steps)) throw notFound('dossier');
  const [units, users, cal] = await Promise.all([
    findUnits(db, unitIdsOf(full)),
    findUserNames(db, full.steps.map((s) => s.assigneeId)),
    calendarFor(db, row.competentUnitId, { version: row.calendarVersion }),
  ]);
  if (record && ctx.principal) {
    const g = ctx.principal.grants.find((x) => x.unitId && scopes.read.covers(x.unitId)) ?? ctx.principal.grants[0];
    await recordAccess(db, { dossierId: row.id, userId: ctx.principal.userId, userName: ctx.principal.fullName, unitName: g?.unitName ?? null, at: now });
    forgetTracking(row.code);
  }
  return presentFull(full, units, users, cal.work, scopes, now);
}

/** The detail of an aggregate already in memory (the receipt builds it from the rows it inserted). */
export function presentFull(full: FullAggregate, units: Map<string, UnitInfo>, users: Map<string, string>, cal: WorkCalendar, scopes: PolicyScopes, now: Date) {
  const derived = deriveDossier(cal, clockEntriesOf(full.clock), now);
  return presentDetail(full, units, users, derived.clock, allowedActions(ACTIONS, full.dossier, full.steps, scopes), now);
}

const arr = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((u) => sql`${u}::uuid`), sql`, `)}]::uuid[]`;
/** `column` lies in the scope (true for a global scope, false for an empty one). */
const covered = (column: SQL, s: Scope): SQL => (s.all ? sql`true` : s.ids.size === 0 ? sql`false` : sql`${column} = ANY(${arr([...s.ids])})`);

/** The current step's role matches a permission the caller holds on the step's unit. */
function roleOnCurrent(s: PolicyScopes): SQL {
  return sql`(
    (cs.role = 'counter_officer' AND ${covered(sql`cs.unit_id`, s.receive)}) OR
    (cs.role = 'specialist' AND ${covered(sql`cs.unit_id`, s.process)}) OR
    (cs.role = 'unit_leader' AND ${covered(sql`cs.unit_id`, s.approve)}))`;
}

const current = (cond: SQL) => sql`EXISTS (SELECT 1 FROM dossier_steps cs WHERE cs.dossier_id = ${dossiers.id} AND cs.seq = ${dossiers.currentStepSeq} AND ${cond})`;

/**
 * Condition of a work queue for the caller:
 * - to_receive: the current step was handed to a unit where the caller holds the step's role;
 * - to_process: the current step is active and assigned to the caller (or unassigned in their units);
 * - due_soon / overdue: open dossiers (clock running, due within 24 h / past due, or paused with negative time)
 *   whose current step is in the caller's hands or whose competent unit the caller leads;
 * - awaiting_supplement: waiting for the applicant, at the caller's reception point or competent unit;
 * - to_return: result ready at the caller's returning point.
 */
export function queueCondition(queue: QueueName, s: PolicyScopes, userId: string | null, now: Date): SQL {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const mine = sql`(${current(roleOnCurrent(s))} OR ${covered(sql`${dossiers.competentUnitId}`, s.approve)})`;
  switch (queue) {
    case 'to_receive':
      return and(inArray(dossiers.status, ['received', 'in_process']), current(sql`cs.state = 'handed' AND cs.kind <> 'return' AND ${roleOnCurrent(s)}`))!;
    case 'to_process':
      return and(eq(dossiers.status, 'in_process'), current(sql`cs.state = 'active' AND (cs.assignee_id = ${userId}::uuid OR (cs.assignee_id IS NULL AND ${roleOnCurrent(s)}))`))!;
    case 'due_soon':
      return and(inArray(dossiers.status, ['received', 'in_process']), sql`${dossiers.clockRunning} AND ${dossiers.dueAt} >= ${nowSql} AND ${dossiers.dueAt} <= ${new Date(now.getTime() + DUE_SOON_MS).toISOString()}::timestamptz`, mine)!;
    case 'overdue':
      return and(inArray(dossiers.status, ['received', 'in_process', 'awaiting_supplement', 'suspended']), sql`((${dossiers.clockRunning} AND ${dossiers.dueAt} < ${nowSql}) OR (NOT ${dossiers.clockRunning} AND ${dossiers.remainingMinutes} < 0))`, mine)!;
    case 'awaiting_supplement':
      return and(eq(dossiers.status, 'awaiting_supplement'), sql`(${covered(sql`${dossiers.receptionUnitId}`, s.receive)} OR ${covered(sql`${dossiers.competentUnitId}`, s.process)} OR ${covered(sql`${dossiers.competentUnitId}`, s.approve)})`)!;
    case 'to_return':
      return and(eq(dossiers.status, 'result_ready'), covered(sql`${dossiers.returningUnitId}`, s.receive))!;
  }
}

const vnStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);
const vnEndExclusive = (isoDate: string) => new Date(vnStart(isoDate).getTime() + 86_400_000);

/** One page of dossiers the caller may read, optionally one of their work queues. */
export async function listDossiers(deps: DossierDeps, ctx: Context, q: z.infer<typeof ListDossiersQuery>, now = new Date()) {
  const db = deps.database.db;
  const s = await policyScopes(ctx);
  let unitIds: string[] | undefined;
  if (q.unitId) {
    await ctx.requireUnit('dossiers.read', q.unitId);
    unitIds = await subtreeIds(db, [q.unitId]);
  }
  const { total, rows } = await listRows(db, {
    readScope: scopeIds(s.read),
    queue: q.queue ? queueCondition(q.queue, s, ctx.actor.userId, now) : undefined,
    status: q.status,
    q: q.q,
    unitIds,
    procedureId: q.procedureId,
    receivedFrom: q.receivedFrom ? vnStart(q.receivedFrom) : undefined,
    receivedTo: q.receivedTo ? vnEndExclusive(q.receivedTo) : undefined,
    limit: q.limit,
    offset: q.offset,
  });
  return { total, items: await summaries(deps, rows, now) };
}

/** Summaries of rows, with their current steps, units and assignees. */
export async function summaries(deps: DossierDeps, rows: DossierRow[], now: Date) {
  const db = deps.database.db;
  const steps = await findStepsOf(db, rows.map((r) => r.id));
  const cur = new Map(steps.filter((st) => rows.some((r) => r.id === st.dossierId && r.currentStepSeq === st.seq)).map((st) => [st.dossierId, st]));
  const [units, users] = await Promise.all([
    findUnits(db, [...rows.flatMap((r) => [r.receptionUnitId, r.competentUnitId, r.returningUnitId]), ...[...cur.values()].map((st) => st.unitId)]),
    findUserNames(db, [...cur.values()].map((st) => st.assigneeId)),
  ]);
  return rows.map((r) => presentSummary(r, cur.get(r.id), units, users, now));
}

/** How many dossiers wait in each of the caller's queues. */
export async function queueCounts(deps: DossierDeps, ctx: Context, now = new Date()): Promise<Record<QueueName, number>> {
  const s = await policyScopes(ctx);
  const read = scopeIds(s.read);
  const counts = await Promise.all(QUEUE_VALUES.map((q) => countWhere(deps.database.db, read, queueCondition(q, s, ctx.actor.userId, now))));
  return Object.fromEntries(QUEUE_VALUES.map((q, i) => [q, counts[i]])) as Record<QueueName, number>;
}

/**
 * Classification and on-time rate of a period (Vietnam dates, inclusive) for the caller's units or one unit's
 * subtree (by competent authority). Finished = reached status 9 within the period; open = received by the
 * period's end and not finished by then, judged at the period's end (or now, if earlier). See classification.ts.
 */
export async function getStats(deps: DossierDeps, ctx: Context, q: z.infer<typeof StatsQuery>, now = new Date()) {
  const db = deps.database.db;
  const s = await policyScopes(ctx);
  let unitIds: string[] | undefined;
  if (q.unitId) {
    await ctx.requireUnit('dossiers.read', q.unitId);
    unitIds = await subtreeIds(db, [q.unitId]);
  }
  const from = vnStart(q.from);
  const to = vnEndExclusive(q.to);
  if (to <= from) throw new AppError('VALIDATION_FAILED', { detail: 'to before from', fields: [{ field: 'to', code: 'before_from', message: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'End date is before start date', fr: 'La date de fin précède la date de début' } }] });
  const asOf = now < to ? now : to;
  const rows = await findForStats(db, scopeIds(s.read), unitIds, from, to);
  const list = rows.map((d) => classifyForPeriod(d, asOf));
  const r = onTimeRate(list);
  return {
    from: q.from,
    to: q.to,
    unitId: q.unitId ?? null,
    counts: {
      received: rows.filter((d) => d.receivedAt >= from).length,
      finishedEarly: r.finishedEarly,
      finishedOnTime: r.finishedOnTime,
      finishedLate: r.finishedLate,
      openOnTrack: r.openOnTrack,
      openDueSoon: r.openDueSoon,
      openOverdue: r.openOverdue,
      withdrawnOrCancelled: r.apart,
    },
    onTimeRate: r.rate,
    onTimeRateFinishedOnly: r.rateFinishedOnly,
    formula: ON_TIME_RATE_FORMULA,
  };
}

/** A dossier as classification sees it at `asOf` (the period's end). */
export function classifyForPeriod(d: Pick<DossierRow, 'status' | 'finishedAt' | 'outcome' | 'dueAt' | 'remainingMinutes' | 'clockRunning'>, asOf: Date): ClassifiableDossier {
  const endedBy = d.finishedAt !== null && d.finishedAt <= asOf;
  if (endedBy && (d.status === 'withdrawn' || d.status === 'cancelled')) return { state: 'apart' };
  if (endedBy) return { state: 'finished', outcome: (d.outcome as Outcome | null) ?? 'on_time' };
  // Open at asOf: a dossier finished later was running then (its cached due moment is final).
  const running = d.finishedAt !== null ? true : d.clockRunning;
  return { state: 'open', standing: standingOf(asOf, d.dueAt, d.remainingMinutes, running) };
}

/**
 * The control slip (phiếu kiểm soát quá trình giải quyết): one row per hand-off — sending unit and person,
 * receiving unit and person, time received, result of the step just finished (early / on time / late), and
 * whether the receiving step is done.
 */
export async function getControlSlip(deps: DossierDeps, ctx: Context, id: string) {
  const db = deps.database.db;
  const row = await findDossierById(db, id);
  if (!row) throw notFound('dossier');
  const [full, scopes] = await Promise.all([loadFull(db, row), policyScopes(ctx)]);
  if (!canRead(scopes, row, full.steps)) throw notFound('dossier');
  const units = await findUnits(db, unitIdsOf(full));
  const ref = (uid: string | null) => (uid ? { id: uid, name: units.get(uid)?.name ?? '' } : null);
  const user = (uid: string | null, name: string | null) => (uid ? { id: uid, name: name ?? '' } : null);
  const rows = [] as Array<{ stepSeq: number | null; fromUnit: ReturnType<typeof ref>; fromUser: ReturnType<typeof user>; toUnit: ReturnType<typeof ref>; toUser: ReturnType<typeof user>; at: string; outcome: Outcome | null; note: string }>;
  const received = full.events.find((e) => e.kind === 'received');
  if (received) rows.push({ stepSeq: 1, fromUnit: null, fromUser: null, toUnit: ref(received.toUnitId), toUser: user(received.toUserId, received.toUserName), at: received.at.toISOString(), outcome: null, note: 'Đã tiếp nhận' });
  for (const [i, e] of full.events.entries()) {
    if (e.kind !== 'handoff' && e.kind !== 'sent_back') continue;
    const acc = full.events.slice(i + 1).find((x) => x.kind === 'accepted' && x.stepSeq === e.stepSeq);
    const step = full.steps.find((st) => st.seq === e.stepSeq);
    rows.push({
      stepSeq: e.stepSeq,
      fromUnit: ref(e.fromUnitId),
      fromUser: user(e.fromUserId, e.fromUserName),
      toUnit: ref(e.toUnitId),
      toUser: acc ? user(acc.actorId, acc.actorName) : user(e.toUserId, e.toUserName),
      at: (acc?.at ?? e.at).toISOString(),
      outcome: (e.outcome as Outcome | null) ?? null,
      note: step?.state === 'done' ? 'Đã xử lý' : acc ? 'Đang xử lý' : 'Chờ tiếp nhận',
    });
  }
  return { dossierId: id, code: row.code, rows };
}

/**
 * Reassigns the current step of one or many dossiers to another official (absence, leave). With `preview` it
 * only lists what would change. The caller needs dossiers.approve on each step's unit; the new official must hold
 * the step's role on it. Each dossier is changed in its own transaction (version bumped, timeline and audit rows).
 */
export async function reassign(deps: DossierDeps, ctx: Context, input: z.infer<typeof ReassignBody>, now = new Date()) {
  const db = deps.database.db;
  const s = await policyScopes(ctx);
  if (!input.dossierIds && !input.fromUserId) throw new AppError('VALIDATION_FAILED', { detail: 'give dossierIds or fromUserId', fields: [{ field: 'dossierIds', code: 'required', message: { vi: 'Chọn hồ sơ hoặc người đang xử lý', en: 'Choose dossiers or the current official', fr: 'Choisissez des dossiers ou l’agent actuel' } }] });
  const target = await findUser(db, input.toUserId);
  if (!target || target.status !== 'active') throw new AppError('VALIDATION_FAILED', { detail: 'unknown or disabled official', fields: [{ field: 'toUserId', code: 'not_found', message: { vi: 'Không có cán bộ này', en: 'No such official', fr: 'Agent inconnu' } }] });
  const grants = await findActiveGrants(db, input.toUserId, todayVn(now));

  let ids = input.dossierIds ?? [];
  if (!input.dossierIds && input.fromUserId) {
    const rows = await db
      .select({ id: dossierSteps.dossierId })
      .from(dossierSteps)
      .innerJoin(dossiers, and(eq(dossiers.id, dossierSteps.dossierId), eq(dossiers.currentStepSeq, dossierSteps.seq)))
      .where(and(eq(dossierSteps.assigneeId, input.fromUserId), inArray(dossierSteps.state, ['handed', 'active'])));
    ids = rows.map((r) => r.id);
  }
  const changes: Array<{ dossierId: string; code: string; stepSeq: number; unit: { id: string; name: string }; from: { id: string; name: string } | null; to: { id: string; name: string } }> = [];
  const skipped: Array<{ dossierId: string; code: string | null; reason: string }> = [];
  const plans: Array<{ agg: NonNullable<Awaited<ReturnType<typeof loadAggregate>>>; seq: number }> = [];
  const ancestorsCache = new Map<string, string[]>();
  for (const id of ids) {
    const agg = await loadAggregate(db, id);
    if (!agg || !canRead(s, agg.dossier, agg.steps)) {
      skipped.push({ dossierId: id, code: null, reason: 'not found' });
      continue;
    }
    const cur = agg.steps.find((st) => st.seq === agg.dossier.currentStepSeq);
    if (!cur || (cur.state !== 'handed' && cur.state !== 'active')) {
      skipped.push({ dossierId: id, code: agg.dossier.code, reason: 'no step in progress' });
      continue;
    }
    if (!s.approve.covers(cur.unitId)) {
      skipped.push({ dossierId: id, code: agg.dossier.code, reason: 'you do not lead the unit of the step' });
      continue;
    }
    let up = ancestorsCache.get(cur.unitId);
    if (!up) {
      up = await findAncestors(db, cur.unitId);
      ancestorsCache.set(cur.unitId, up);
    }
    const holds = grants.some((g) => (g.role === cur.role || g.role === 'admin') && (g.unitId === null || up.includes(g.unitId)));
    if (!holds) {
      skipped.push({ dossierId: id, code: agg.dossier.code, reason: `the official does not hold the ${cur.role} role on the step's unit` });
      continue;
    }
    if (cur.assigneeId === input.toUserId) {
      skipped.push({ dossierId: id, code: agg.dossier.code, reason: 'already assigned to this official' });
      continue;
    }
    plans.push({ agg, seq: cur.seq });
  }
  const [units, names] = await Promise.all([
    findUnits(db, plans.map((p) => p.agg.steps.find((st) => st.seq === p.seq)!.unitId)),
    findUserNames(db, plans.map((p) => p.agg.steps.find((st) => st.seq === p.seq)!.assigneeId)),
  ]);
  for (const p of plans) {
    const cur = p.agg.steps.find((st) => st.seq === p.seq)!;
    changes.push({ dossierId: p.agg.dossier.id, code: p.agg.dossier.code, stepSeq: p.seq, unit: { id: cur.unitId, name: units.get(cur.unitId)?.name ?? '' }, from: cur.assigneeId ? { id: cur.assigneeId, name: names.get(cur.assigneeId) ?? '' } : null, to: { id: target.id, name: target.name } });
  }
  if (input.preview) return { preview: true, changes, skipped };

  const actorName = ctx.principal?.fullName ?? ctx.actor.label;
  const applied: typeof changes = [];
  for (const [i, p] of plans.entries()) {
    const d = p.agg.dossier;
    const cur = p.agg.steps.find((st) => st.seq === p.seq)!;
    const ok = await deps.database.transaction(async (tx) => {
      const upd = await tx.db.update(dossiers).set({ version: d.version + 1, updatedAt: now }).where(and(eq(dossiers.id, d.id), eq(dossiers.version, d.version))).returning({ id: dossiers.id });
      if (upd.length === 0) return false;
      await tx.db.update(dossierSteps).set({ assigneeId: target.id }).where(and(eq(dossierSteps.dossierId, d.id), eq(dossierSteps.seq, cur.seq)));
      const seqs = await lastSeqs(tx.db, d.id);
      await tx.db.insert(dossierEvents).values({ dossierId: d.id, unitId: d.competentUnitId, seq: seqs.event + 1, kind: 'reassigned', at: now, actorId: ctx.actor.userId, actorName, fromUserId: cur.assigneeId, fromUserName: changes[i].from?.name ?? null, toUserId: target.id, toUserName: target.name, fromUnitId: cur.unitId, toUnitId: cur.unitId, stepSeq: cur.seq, note: input.reason ?? null });
      await recordAudit(tx, ctx.actor, { action: 'dossier.reassign', subjectType: 'dossier', subjectId: d.id, unitId: d.competentUnitId, before: { stepSeq: cur.seq, assigneeId: cur.assigneeId, version: d.version }, after: { stepSeq: cur.seq, assigneeId: target.id, version: d.version + 1 } });
      return true;
    });
    if (ok) applied.push(changes[i]);
    else skipped.push({ dossierId: d.id, code: d.code, reason: 'changed meanwhile (version)' });
  }
  return { preview: false, changes: applied, skipped };
}
